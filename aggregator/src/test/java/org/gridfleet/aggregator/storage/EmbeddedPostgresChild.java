package org.gridfleet.aggregator.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A stand-in for a Gridfleet JVM in {@link OrphanPostmasterIT}: starts the embedded PostgreSQL on a data directory
 * and port, writes a marker row, says {@code ready} and waits to be killed.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    /** @param args data directory, port */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false).setPort(Integer.parseInt(args[1])).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA outlived");
            s.execute("CREATE TABLE outlived.acknowledged (id int PRIMARY KEY)");
            s.execute("INSERT INTO outlived.acknowledged VALUES (7)");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
