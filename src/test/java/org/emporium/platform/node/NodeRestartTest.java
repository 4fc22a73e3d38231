package org.emporium.platform.node;

import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import org.emporium.platform.clients.Clients;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A node on the embedded default keeps its data across a restart on the same data directory. */
class NodeRestartTest {

  @TempDir
  Path dataDir;

  @Test
  void restartKeepsDatabaseAndRedisData() throws Exception {
    try (TestNode first = TestNode.start(dataDir)) {
      Clients clients = new Clients(first.config());
      Pool pool = clients.postgresUnshared(first.node().vertx(), "platform", 1);
      assertThat(single(pool, "SHOW fsync")).isEqualTo("on");
      assertThat(single(pool, "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(single(pool, "SELECT count(*)::text FROM platform.node_start")).isEqualTo("1");
      Redis redis = clients.redis(first.node().vertx());
      redis.send(Request.cmd(Command.SET).arg("restart-test").arg("kept")).await(5, TimeUnit.SECONDS);
      redis.close();
      pool.close().await(5, TimeUnit.SECONDS);

      // once the node starts draining, load balancers must see it as not ready
      WebClient web = WebClient.create(first.node().vertx());
      assertThat(web.get(first.httpPort(), "127.0.0.1", "/health/ready").send().await(5, TimeUnit.SECONDS)
          .statusCode()).isEqualTo(200);
      first.node().readiness().draining();
      var draining = web.get(first.httpPort(), "127.0.0.1", "/health/ready").send().await(5, TimeUnit.SECONDS);
      assertThat(draining.statusCode()).isEqualTo(503);
      assertThat(draining.bodyAsJsonObject().getString("state")).isEqualTo("DRAINING");
    }

    try (TestNode second = TestNode.start(dataDir)) {
      Clients clients = new Clients(second.config());
      Pool pool = clients.postgresUnshared(second.node().vertx(), "platform", 1);
      List<Row> starts = rows(pool, "SELECT stopped_at FROM platform.node_start ORDER BY started_at");
      assertThat(starts).hasSize(2);
      assertThat(starts.get(0).getValue("stopped_at")).as("the first run recorded its stop").isNotNull();
      assertThat(starts.get(1).getValue("stopped_at")).isNull();
      Redis redis = clients.redis(second.node().vertx());
      assertThat(redis.send(Request.cmd(Command.GET).arg("restart-test")).await(5, TimeUnit.SECONDS).toString())
          .isEqualTo("kept");
      redis.close();
      pool.close().await(5, TimeUnit.SECONDS);
    }
  }

  private static String single(Pool pool, String sql) throws Exception {
    return rows(pool, sql).get(0).getValue(0).toString();
  }

  private static List<Row> rows(Pool pool, String sql) throws Exception {
    RowSet<Row> result = pool.query(sql).execute().await(10, TimeUnit.SECONDS);
    List<Row> rows = new ArrayList<>();
    result.forEach(rows::add);
    return rows;
  }
}
