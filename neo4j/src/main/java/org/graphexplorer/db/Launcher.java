package org.graphexplorer.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts a real Neo4j 5.26 Community DBMS in this JVM and opens Bolt on loopback only.
 * Everything is configured by environment variables (see LocalConfig); the JVM heap is set by
 * whoever starts this process (-Xmx). SIGTERM runs the shutdown hook, which closes the store cleanly.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    LocalConfig config = LocalConfig.fromEnvironment(System.getenv());
    Files.createDirectories(config.home());

    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(config.home())
        // Embedded Neo4j has Bolt off by default; the app and the seed loader speak Bolt.
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", config.port()))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        // Bolt waits 5 s twice on shutdown for clients to leave; a local development server need not.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(GraphDatabaseSettings.pagecache_memory, config.pageCacheBytes())
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, config.transactionMaxBytes())
        .setConfig(GraphDatabaseSettings.transaction_timeout, config.transactionTimeout())
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("local-neo4j: shutting down");
      dbms.shutdown();
      stopped.countDown();
    }, "local-neo4j-shutdown"));

    // Touch the default database so a store problem fails here, not on the first query.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.printf("local-neo4j: ready on bolt://127.0.0.1:%d (data in %s)%n", config.port(), config.home());
    stopped.await();
  }

  /** The launcher's settings, read once from the environment with safe defaults for a 2-core machine. */
  record LocalConfig(Path home, int port, long pageCacheBytes, long transactionMaxBytes, Duration transactionTimeout) {
    static LocalConfig fromEnvironment(java.util.Map<String, String> env) {
      return new LocalConfig(
          Path.of(env.getOrDefault("NEO4J_LOCAL_DIR", ".data/neo4j")).toAbsolutePath(),
          Integer.parseInt(env.getOrDefault("NEO4J_LOCAL_PORT", "7687")),
          megabytes(env.getOrDefault("NEO4J_LOCAL_PAGECACHE_MB", "256")),
          megabytes(env.getOrDefault("NEO4J_LOCAL_TX_MAX_MB", "256")),
          Duration.ofSeconds(Long.parseLong(env.getOrDefault("NEO4J_LOCAL_TX_TIMEOUT_S", "30"))));
    }

    private static long megabytes(String value) {
      return Long.parseLong(value) * 1024L * 1024L;
    }
  }
}
