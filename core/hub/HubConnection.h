#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

struct pg_conn;

namespace cpis {

// The rows of a result, each column as text; a NULL is std::nullopt.
using HubRow = QList<std::optional<QByteArray>>;
using HubRows = QList<HubRow>;

// One blocking libpq connection to the audit hub. Used from the forwarder's own thread (the
// desk never waits for it) and by the `cpis-hub` administrator's command.
class HubConnection
{
public:
    // libpq's connection keywords, in order: a later one replaces an earlier one, so the
    // settings that must hold (TLS) come after the address.
    using Keywords = QList<QPair<QByteArray, QByteArray>>;

    static Result<std::unique_ptr<HubConnection>, QString> open(const Keywords& keywords);
    ~HubConnection();
    HubConnection(const HubConnection&) = delete;
    HubConnection& operator=(const HubConnection&) = delete;

    // One statement with text parameters ($1, $2...; std::nullopt is NULL). Commands that
    // return no rows give an empty list.
    Result<HubRows, QString> exec(const QByteArray& sql,
                                  const QList<std::optional<QByteArray>>& params = {});
    // Several statements with no parameters (a migration file).
    Status<QString> run(const QByteArray& script);
    bool isOpen() const;

private:
    explicit HubConnection(pg_conn* conn) : m_conn(conn) {}
    QString lastError() const;

    pg_conn* m_conn;
};

} // namespace cpis
