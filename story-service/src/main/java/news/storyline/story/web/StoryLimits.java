package news.storyline.story.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/** What a newsroom allows in one story, in characters, and the instants it can date anything at. */
final class StoryLimits {

    static final int HEADLINE = 200;
    static final int LEAD = 1_000;
    static final int BODY = 100_000;
    static final int PLACE = 100;
    static final int DESK = 50;
    static final int NOTE = 1_000;
    static final int SOURCE = 100;
    static final int HOPS = 10;
    static final int ID = 100;
    static final String LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

    /**
     * The instants a client may send: a story is news of the last century and a quarter or of the next few
     * thousand years. Outside this range an instant is no date anyone meant, and some cannot even be held by the
     * read models ({@code java.util.Date}, BSON dates), where one stored in an event would stop a projection.
     */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private StoryLimits() {
    }

    /** An instant between {@link #EARLIEST} and {@link #LATEST}; null is left to {@code @NotNull}. */
    @Documented
    @Constraint(validatedBy = PlausibleInstantValidator.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface PlausibleInstant {

        String message() default "must lie between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class PlausibleInstantValidator implements ConstraintValidator<PlausibleInstant, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
        }
    }
}
