// cpis-hub: the audit hub's administrator's command (docs/hub.md). Wiring only: the schema
// steps and the connection are core/hub's.
//   cpis-hub migrate ADDRESS        apply the schema steps not yet applied, as the hub's owner
//   cpis-hub check ADDRESS [DESK]   the hub's own check of each desk's chain
//   cpis-hub steps                  the schema steps this build carries, in order
// ADDRESS is a libpq address (postgresql://owner@host:port/database); the password, TLS and
// the rest come from libpq's own settings (PGPASSWORD, ~/.pgpass, PGSSLMODE, PGSSLROOTCERT).
#include "core/hub/HubConnection.h"
#include "core/hub/HubMigrations.h"

#include <QCoreApplication>
#include <QTextStream>

using cpis::HubConnection;
using cpis::HubMigrations;

namespace {

// The same meanings as cpis's exit codes (docs/cli.md).
enum Exit : int
{
    Ok = 0,
    Failure = 1,
    BadInput = 2,
    ProblemsFound = 8,
};

int usage(QTextStream& err)
{
    err << "usage: cpis-hub migrate ADDRESS | check ADDRESS [DESK] | steps\n";
    return BadInput;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return usage(err);
    const QString command = args.first();
    if (command == u"steps" && args.size() == 1) {
        for (const auto& step : HubMigrations::steps())
            out << QStringLiteral("%1").arg(step.version, 3, 10, QLatin1Char('0')) << ' '
                << step.name << '\n';
        return Ok;
    }
    if ((command != u"migrate" || args.size() != 2) &&
        (command != u"check" || (args.size() != 2 && args.size() != 3)))
        return usage(err);

    auto conn = HubConnection::open(
        {qMakePair(QByteArrayLiteral("dbname"), args.at(1).toUtf8()),
         qMakePair(QByteArrayLiteral("application_name"), QByteArrayLiteral("cpis-hub"))});
    if (!conn) {
        err << "cpis-hub: cannot connect: " << conn.error() << '\n';
        return Failure;
    }
    if (command == u"migrate") {
        auto applied = HubMigrations::apply(*conn.value());
        if (!applied) {
            err << "cpis-hub: " << applied.error() << '\n';
            return Failure;
        }
        for (int v : applied.value())
            out << "applied step " << v << '\n';
        auto now = HubMigrations::appliedVersion(*conn.value());
        out << "the hub's schema is at step " << (now ? now.value() : -1) << " of "
            << HubMigrations::steps().size() << '\n';
        return Ok;
    }
    auto desks =
        args.size() == 3
            ? cpis::Result<cpis::HubRows, QString>(cpis::HubRows{cpis::HubRow{args.at(2).toUtf8()}})
            : conn.value()->exec("SELECT desk FROM hub.desks ORDER BY desk");
    if (!desks) {
        err << "cpis-hub: " << desks.error() << '\n';
        return Failure;
    }
    int problems = 0;
    for (const cpis::HubRow& row : desks.value()) {
        const QByteArray desk = row.value(0).value_or(QByteArray());
        auto found = conn.value()->exec(
            "SELECT kind, seq, last_seq, detail FROM hub.check_desk($1)", {desk});
        auto held = conn.value()->exec(
            "SELECT count(*), coalesce(max(seq), 0) FROM hub.entries WHERE desk = $1", {desk});
        if (!found || !held) {
            err << "cpis-hub: " << (!found ? found.error() : held.error()) << '\n';
            return Failure;
        }
        out << QString::fromUtf8(desk) << ": "
            << QString::fromUtf8(held->first().value(0).value_or("0")) << " entries, up to "
            << QString::fromUtf8(held->first().value(1).value_or("0")) << ": "
            << (found->isEmpty() ? QStringLiteral("chain whole")
                                 : QStringLiteral("%1 problem(s)").arg(found->size()))
            << '\n';
        for (const cpis::HubRow& p : found.value())
            out << "  " << QString::fromUtf8(p.value(0).value_or("")) << ' '
                << QString::fromUtf8(p.value(3).value_or("")) << '\n';
        problems += int(found->size());
    }
    return problems > 0 ? ProblemsFound : Ok;
}
