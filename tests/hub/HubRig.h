#pragma once
// A hub of its own for a test: a PostgreSQL server (tests/support/PostgresServer), the hub's
// migrations applied by its owner, desk roles as a trust's DBA would make them, and the
// owner's connection to look at what the hub holds.
#include "core/hub/HubAddress.h"
#include "core/hub/HubConnection.h"
#include "core/hub/HubMigrations.h"
#include "tests/support/PostgresServer.h"

#include <QTest>
#include <QUrl>

#include <memory>

namespace cpis::testsupport {

struct HubRig
{
    PostgresServer server;
    std::unique_ptr<HubConnection> owner;

    HubConnection::Keywords keywordsFor(const QString& user, const QByteArray& password) const
    {
        HubAddress a;
        a.url = QUrl(server.uri(user));
        a.caBundle = server.caFile();
        a.password = password;
        return a.keywords();
    }

    HubAddress deskAddress(const QString& role, const QByteArray& password) const
    {
        HubAddress a;
        a.url = QUrl(server.uri(role));
        a.caBundle = server.caFile();
        a.password = password;
        return a;
    }

    // Starts the server, connects as its owner and applies the migrations. An error message,
    // or empty.
    QString up()
    {
        if (!server.start())
            return server.errorString();
        return reconnect();
    }

    QString reconnect()
    {
        owner.reset();
        auto c = HubConnection::open(keywordsFor(server.adminUser(), server.adminPassword()));
        if (!c)
            return c.error();
        owner = std::move(c.value());
        auto m = HubMigrations::apply(*owner);
        return m ? QString() : m.error();
    }

    // What a trust's DBA does for each desk (docs/hub.md).
    QString createDesk(const QString& role, const QByteArray& password)
    {
        auto r = owner->exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                                            "cpis_hub_desk")
                                 .arg(role, QString::fromLatin1(password))
                                 .toUtf8());
        return r ? QString() : r.error();
    }

    std::unique_ptr<HubConnection> connectAs(const QString& role, const QByteArray& password)
    {
        auto c = HubConnection::open(keywordsFor(role, password));
        return c ? std::move(c.value()) : nullptr;
    }

    HubRows query(const QByteArray& sql, const QList<std::optional<QByteArray>>& params = {})
    {
        auto r = owner->exec(sql, params);
        if (!r)
            qWarning("hub query failed: %s", qPrintable(r.error()));
        return r ? r.value() : HubRows{};
    }

    qint64 count(const QByteArray& sql, const QList<std::optional<QByteArray>>& params = {})
    {
        const HubRows rows = query(sql, params);
        return rows.isEmpty() ? -1 : rows.first().first().value_or("-1").toLongLong();
    }
};

} // namespace cpis::testsupport
