package news.storyline.story.web;

/** What every write answers: which story or thread, and its version now. */
record WriteResult(String id, long version) {
}
