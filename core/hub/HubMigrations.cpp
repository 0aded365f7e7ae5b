#include "core/hub/HubMigrations.h"

#include "core/hub/HubConnection.h"
#include "core/hub/HubLogging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace cpis {

QList<HubMigrations::Step> HubMigrations::steps()
{
    static const QRegularExpression numbered(QStringLiteral(R"(^(\d{3})_([a-z0-9_]+)\.sql$)"));
    QList<Step> out;
    const QDir dir(QStringLiteral(":/cpis/hub/sql"));
    for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = numbered.match(file);
        if (!m.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out << Step{m.captured(1).toInt(), m.captured(2), f.readAll()};
    }
    return out;
}

Result<int, QString> HubMigrations::appliedVersion(HubConnection& conn)
{
    auto exists = conn.exec("SELECT to_regclass('hub.migrations') IS NOT NULL");
    if (!exists)
        return exists.error();
    if (exists->isEmpty() || exists->first().first() != QByteArray("t"))
        return 0;
    auto v = conn.exec("SELECT coalesce(max(version), 0) FROM hub.migrations");
    if (!v)
        return v.error();
    return v->first().first().value_or("0").toInt();
}

Result<QList<int>, QString> HubMigrations::apply(HubConnection& owner)
{
    QList<int> applied;
    const QList<Step> all = steps();
    if (all.isEmpty())
        return QStringLiteral("this build carries no hub migrations");
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).version != i + 1)
            return QStringLiteral("hub migration %1 is out of sequence").arg(all.at(i).name);
    }
    for (const Step& step : all) {
        if (auto b = owner.exec("BEGIN"); !b)
            return b.error();
        // Two administrators migrating at once take turns.
        auto rollback = [&](const QString& why) {
            (void)owner.exec("ROLLBACK");
            return Result<QList<int>, QString>(
                QStringLiteral("hub migration %1 (%2): %3").arg(step.version).arg(step.name, why));
        };
        if (auto l = owner.exec("SELECT pg_advisory_xact_lock(hashtext('cpis-hub-migrate'))"); !l)
            return rollback(l.error());
        auto current = appliedVersion(owner);
        if (!current)
            return rollback(current.error());
        if (current.value() >= step.version) {
            (void)owner.exec("ROLLBACK");
            continue;
        }
        if (auto r = owner.run(step.sql); !r)
            return rollback(r.error());
        if (auto r = owner.exec("INSERT INTO hub.migrations (version, name) VALUES ($1::int, $2)",
                                {QByteArray::number(step.version), step.name.toUtf8()});
            !r)
            return rollback(r.error());
        if (auto c = owner.exec("COMMIT"); !c)
            return rollback(c.error());
        qCInfo(lcHub, "applied hub migration %d (%s)", step.version, qUtf8Printable(step.name));
        applied << step.version;
    }
    return applied;
}

} // namespace cpis
