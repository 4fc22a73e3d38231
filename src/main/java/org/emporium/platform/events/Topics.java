package org.emporium.platform.events;

/** Topic and event-type names: {@code <context>.<aggregate>.v1}, {@code emporium.<context>.<event>.v1}. */
public final class Topics {

  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  private Topics() {
  }

  public static String topic(String context, String aggregate) {
    return context + "." + aggregate + ".v1";
  }

  public static String eventType(String context, String event) {
    return "emporium." + context + "." + event + ".v1";
  }

  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
