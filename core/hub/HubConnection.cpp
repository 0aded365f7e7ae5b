#include "core/hub/HubConnection.h"

#include <libpq-fe.h>
#include <vector>

namespace cpis {

namespace {

QString trimmedMessage(const char* text)
{
    return QString::fromUtf8(text).trimmed();
}

} // namespace

Result<std::unique_ptr<HubConnection>, QString> HubConnection::open(const Keywords& keywords)
{
    std::vector<const char*> names;
    std::vector<const char*> values;
    for (const auto& [k, v] : keywords) {
        names.push_back(k.constData());
        values.push_back(v.constData());
    }
    names.push_back(nullptr);
    values.push_back(nullptr);
    // expand_dbname: the "dbname" keyword may carry a postgresql:// address.
    PGconn* conn = PQconnectdbParams(names.data(), values.data(), 1);
    if (!conn)
        return QStringLiteral("libpq could not allocate a connection");
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString why = trimmedMessage(PQerrorMessage(conn));
        PQfinish(conn);
        return why.isEmpty() ? QStringLiteral("the hub could not be reached") : why;
    }
    return std::unique_ptr<HubConnection>(new HubConnection(conn));
}

HubConnection::~HubConnection()
{
    PQfinish(m_conn);
}

bool HubConnection::isOpen() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

QString HubConnection::lastError() const
{
    return trimmedMessage(PQerrorMessage(m_conn));
}

Result<HubRows, QString> HubConnection::exec(const QByteArray& sql,
                                             const QList<std::optional<QByteArray>>& params)
{
    std::vector<const char*> values;
    values.reserve(size_t(params.size()));
    for (const auto& p : params)
        values.push_back(p ? p->constData() : nullptr);
    PGresult* res = PQexecParams(m_conn, sql.constData(), int(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0);
    if (!res)
        return lastError();
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const QString why = trimmedMessage(PQresultErrorMessage(res));
        PQclear(res);
        return why.isEmpty() ? lastError() : why;
    }
    HubRows rows;
    const int n = PQntuples(res);
    const int columns = PQnfields(res);
    rows.reserve(n);
    for (int r = 0; r < n; ++r) {
        HubRow row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(res, r, c))
                row << std::nullopt;
            else
                row << QByteArray(PQgetvalue(res, r, c), PQgetlength(res, r, c));
        }
        rows << row;
    }
    PQclear(res);
    return rows;
}

Status<QString> HubConnection::run(const QByteArray& script)
{
    PGresult* res = PQexec(m_conn, script.constData());
    if (!res)
        return lastError();
    const ExecStatusType status = PQresultStatus(res);
    QString why;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        why = trimmedMessage(PQresultErrorMessage(res));
    PQclear(res);
    if (!why.isEmpty())
        return why;
    return {};
}

} // namespace cpis
