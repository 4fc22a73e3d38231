package org.emporium.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.eventbus.RequestIds;

import java.time.Instant;

/** One JSON object per line: time, level, logger, message, request id, node id, region, error. */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

  @Override
  public String doLayout(ILoggingEvent event) {
    JsonObject line = new JsonObject()
        .put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString())
        .put("level", event.getLevel().toString())
        .put("logger", event.getLoggerName())
        .put("message", event.getFormattedMessage())
        .put("thread", event.getThreadName());
    String requestId = RequestIds.current();
    if (requestId != null) {
      line.put("requestId", requestId);
    }
    line.put("nodeId", getContext().getProperty(Logging.NODE_ID));
    line.put("region", getContext().getProperty(Logging.REGION));
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      line.put("error", ThrowableProxyUtil.asString(error));
    }
    return line.encode() + System.lineSeparator();
  }
}
