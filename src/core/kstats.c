#include "core/kstats.h"
#include "core/afile.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct kstats {
    sqlite3 *db;
    sqlite3_stmt *ins;
};

kstats *kstats_open(const char *path, char *err, size_t errlen)
{
    afile_make_parent(path, 0755); /* counts only, nothing personal; SQLite says what fails */
    kstats *k = calloc(1, sizeof *k);
    if (!k) {
        snprintf(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    /* never through a symbolic link (SQLite opens its -wal and -shm files likewise) */
    if (sqlite3_open_v2(path, &k->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(k->db,
                     "PRAGMA journal_mode=WAL;"
                     "CREATE TABLE IF NOT EXISTS daily (day TEXT PRIMARY KEY, started INTEGER NOT NULL DEFAULT 0,"
                     " completed INTEGER NOT NULL DEFAULT 0);",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(k->db,
                           "INSERT INTO daily (day, started, completed) VALUES (?1, ?2, ?3) ON CONFLICT(day) DO "
                           "UPDATE SET started = started + ?2, completed = completed + ?3",
                           -1, &k->ins, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, k->db ? sqlite3_errmsg(k->db) : "cannot open");
        kstats_close(k);
        return NULL;
    }
    return k;
}

void kstats_close(kstats *k)
{
    if (!k)
        return;
    sqlite3_finalize(k->ins);
    sqlite3_close(k->db);
    free(k);
}

bool kstats_count(kstats *k, const char *day, bool completed)
{
    if (!k)
        return false;
    sqlite3_reset(k->ins);
    sqlite3_bind_text(k->ins, 1, day, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(k->ins, 2, completed ? 0 : 1);
    sqlite3_bind_int(k->ins, 3, completed ? 1 : 0);
    bool ok = sqlite3_step(k->ins) == SQLITE_DONE;
    sqlite3_reset(k->ins);
    return ok;
}

int kstats_each(kstats *k, void (*fn)(void *ctx, const char *day, long started, long completed), void *ctx)
{
    sqlite3_stmt *q = NULL;
    if (!k || sqlite3_prepare_v2(k->db, "SELECT day, started, completed FROM daily ORDER BY day", -1, &q, NULL) !=
                  SQLITE_OK)
        return -1;
    int n = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        fn(ctx, (const char *)sqlite3_column_text(q, 0), (long)sqlite3_column_int64(q, 1),
           (long)sqlite3_column_int64(q, 2));
        n++;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? n : -1;
}
