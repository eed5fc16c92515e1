package news.storyline.story.web.idempotency;

/**
 * The client's name for one intended write, from {@code Idempotency-Key}. The draft makes the header a Structured
 * Field string ({@code "8e03978e"}); many clients send the bare value, and both mean the same key. A Structured
 * Field string holds printable ASCII only, so anything else (control characters, bytes that were not ASCII) is
 * refused rather than kept as a key nobody could send again.
 */
record IdempotencyKey(String value) {

    static IdempotencyKey parse(String header, int maxLength) {
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw new MalformedKeyException("Idempotency-Key must not be empty");
        }
        if (value.length() > maxLength) {
            throw new MalformedKeyException("Idempotency-Key may have at most " + maxLength + " characters");
        }
        if (!value.chars().allMatch(IdempotencyKey::isPrintableAscii)) {
            throw new MalformedKeyException("Idempotency-Key may hold printable ASCII characters only");
        }
        return new IdempotencyKey(value);
    }

    private static boolean isPrintableAscii(int character) {
        return character >= 0x20 && character <= 0x7e;
    }

    static final class MalformedKeyException extends RuntimeException {
        MalformedKeyException(String message) {
            super(message);
        }
    }
}
