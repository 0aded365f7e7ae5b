// Child process for the secure-store tests: things that must happen in another process
// (being killed with SIGKILL mid-append, seeing a different D-Bus session).
//   store_helper append-loop <db> <db-key-hex> <mac-key-hex>
//       appends forever; prints "appended <seq> <request-id>" after each append returns.
//   store_helper note-loop <db> <db-key-hex> <mac-key-hex> <hold-at>
//       as a look-up does: notes an access on the recorder's thread, prints "noted <request-id>"
//       once the note is durable (when the desk may show the answer), then appends the entry
//       that settles it and prints "settled <seq> <request-id>"; at access number <hold-at> it
//       stops after the note, to be killed there.
//   store_helper load-keys <service> <database-exists 0|1>
//       prints "ok" or "error <code> <message>"; exit status 0 or 2.
#include "bench/support/ConsoleOut.h"
#include "core/audit/AuditLog.h"
#include "core/audit/PendingAccessRecorder.h"
#include "core/domain/Clock.h"
#include "core/store/KeyStore.h"
#include "core/store/SecureDb.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

using namespace cpis;
using cpis::console::complain;
using cpis::console::say;

static int appendLoop(const QStringList& args)
{
    auto db = SecureDb::open(args.at(2), QByteArray::fromHex(args.at(3).toLatin1()));
    if (!db) {
        complain("open: %s\n", qPrintable(db.error().message));
        return 2;
    }
    SystemClock clock;
    MemoryAnchorStore anchors;
    auto log =
        AuditLog::open(*db.value(), QByteArray::fromHex(args.at(4).toLatin1()), anchors, clock);
    if (!log) {
        complain("audit: %s\n", qPrintable(log.error().message));
        return 2;
    }
    for (qint64 i = 0;; ++i) {
        AuditEntry e;
        e.userId = QStringLiteral("555000111222");
        e.userName = QStringLiteral("Crash Test");
        e.role = QStringLiteral("R8000");
        e.organisation = QStringLiteral("RXX");
        e.action = AuditEntry::Action::LookUp;
        e.nhsNumber = QStringLiteral("9434765919");
        e.outcome = AuditEntry::Outcome::NoRecord;
        e.workstation = QStringLiteral("ws-1");
        e.requestId = QStringLiteral("req-%1").arg(i);
        auto r = log.value()->append(e);
        if (!r) {
            complain("append: %s\n", qPrintable(r.error().message));
            return 2;
        }
        say("appended %lld %s\n", static_cast<long long>(r.value().seq),
            qPrintable(r.value().requestId));
    }
}

static int noteLoop(const QStringList& args)
{
    auto db = SecureDb::open(args.at(2), QByteArray::fromHex(args.at(3).toLatin1()));
    if (!db) {
        complain("open: %s\n", qPrintable(db.error().message));
        return 2;
    }
    SystemClock clock;
    MemoryAnchorStore anchors;
    auto log =
        AuditLog::open(*db.value(), QByteArray::fromHex(args.at(4).toLatin1()), anchors, clock);
    auto sibling = db.value()->openSibling();
    if (!log || !sibling) {
        complain("audit: could not open\n");
        return 2;
    }
    PendingAccessRecorder notes(std::move(sibling.value()));
    const qint64 holdAt = args.at(5).toLongLong();
    for (qint64 i = 0;; ++i) {
        AuditEntry e;
        e.userId = QStringLiteral("555000111222");
        e.userName = QStringLiteral("Crash Test");
        e.role = QStringLiteral("R8000");
        e.organisation = QStringLiteral("RXX");
        e.action = AuditEntry::Action::LookUp;
        e.nhsNumber = QStringLiteral("9434765919");
        e.workstation = QStringLiteral("ws-1");
        e.requestId = QStringLiteral("req-%1").arg(i);
        e.atUtc = clock.nowUtc();
        QEventLoop wait;
        qint64 id = 0;
        notes.note(e, &wait, [&](const StoreResult<qint64>& r) {
            id = r ? r.value() : -1;
            wait.quit();
        });
        wait.exec();
        if (id <= 0) {
            complain("note failed\n");
            return 2;
        }
        say("noted %s\n", qPrintable(e.requestId));
        if (i == holdAt) {
            QEventLoop held;
            held.exec();
        }
        e.outcome = AuditEntry::Outcome::NoRecord;
        auto r = log.value()->append(e, id);
        if (!r) {
            complain("append: %s\n", qPrintable(r.error().message));
            return 2;
        }
        say("settled %lld %s\n", static_cast<long long>(r.value().seq),
            qPrintable(r.value().requestId));
    }
}

static int loadKeys(const QStringList& args)
{
    KeyStore keys(args.at(2), 5000);
    auto r = keys.loadOrCreate(args.at(3) == QLatin1String("1"));
    if (r) {
        say("ok\n");
        return 0;
    }
    say("error %d %s\n", int(r.error().code), qPrintable(r.error().message));
    return 2;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == QLatin1String("append-loop"))
        return appendLoop(args);
    if (args.size() == 6 && args.at(1) == QLatin1String("note-loop"))
        return noteLoop(args);
    if (args.size() == 4 && args.at(1) == QLatin1String("load-keys"))
        return loadKeys(args);
    complain("usage: store_helper append-loop|note-loop|load-keys ...\n");
    return 1;
}
