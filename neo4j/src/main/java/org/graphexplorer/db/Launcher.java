package org.graphexplorer.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 *
 * Hardened for a shared machine: auth is on, with the password that neo4j/control.ts generated into
 * the data folder (readable by its owner only), and LOAD CSV may not read local files.
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
        // Any local process could otherwise read files as this user through LOAD CSV FROM 'file:///...'.
        .setConfig(GraphDatabaseSettings.allow_file_urls, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, config.password() != null)
        .build();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("local-neo4j: shutting down");
      dbms.shutdown();
      stopped.countDown();
    }, "local-neo4j-shutdown"));

    if (config.password() != null) setPassword(dbms, config.password());
    // Touch the default database so a store problem fails here, not on the first query.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.printf("local-neo4j: ready on bolt://127.0.0.1:%d (data in %s)%n", config.port(), config.home());
    stopped.await();
  }

  /**
   * Makes the generated password the neo4j user's, with no change required at first login. The
   * embedded API runs as the DBMS itself, so this works whatever the password was before; setting
   * the same password again is refused by Neo4j, which is fine: it is already the password.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally("ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) throw e;
    }
  }

  /** The launcher's settings, read once from the environment with safe defaults for a 2-core machine. */
  record LocalConfig(Path home, int port, long pageCacheBytes, long transactionMaxBytes, Duration transactionTimeout, String password) {
    static LocalConfig fromEnvironment(Map<String, String> env) throws java.io.IOException {
      String passwordFile = env.get("NEO4J_LOCAL_PASSWORD_FILE");
      // Without a password file (started by hand), auth stays off as before: loopback only.
      String password = passwordFile == null ? null : Files.readString(Path.of(passwordFile)).trim();
      return new LocalConfig(
          Path.of(env.getOrDefault("NEO4J_LOCAL_DIR", ".data/neo4j")).toAbsolutePath(),
          Integer.parseInt(env.getOrDefault("NEO4J_LOCAL_PORT", "7687")),
          megabytes(env.getOrDefault("NEO4J_LOCAL_PAGECACHE_MB", "256")),
          megabytes(env.getOrDefault("NEO4J_LOCAL_TX_MAX_MB", "256")),
          Duration.ofSeconds(Long.parseLong(env.getOrDefault("NEO4J_LOCAL_TX_TIMEOUT_S", "30"))),
          password == null || password.isEmpty() ? null : password);
    }

    private static long megabytes(String value) {
      return Long.parseLong(value) * 1024L * 1024L;
    }
  }
}
