#include "core/net/NhsHeaders.h"

#include "core/domain/UserSession.h"

namespace cpis {

NhsHeaders::NhsHeaders(const UserSession& session)
{
    if (!session.isValid())
        return;
    m_headers.append({QByteArrayLiteral("Authorization"), "Bearer " + session.accessToken});
    m_headers.append({QByteArrayLiteral("NHSD-Session-URID"), session.roleId.toLatin1()});
    m_headers.append(
        {QByteArrayLiteral("NHSD-End-User-Organisation-ODS"), session.organisationCode.toLatin1()});
}

NhsHeaders NhsHeaders::bearer(const QByteArray& accessToken)
{
    NhsHeaders h;
    if (!accessToken.isEmpty())
        h.m_headers.append({QByteArrayLiteral("Authorization"), "Bearer " + accessToken});
    return h;
}

NhsHeaders& NhsHeaders::correlationId(const QByteArray& id)
{
    return id.isEmpty() ? *this : add(QByteArrayLiteral("X-Correlation-ID"), id);
}

NhsHeaders& NhsHeaders::traceId(const QByteArray& id)
{
    return id.isEmpty() ? *this : add(QByteArrayLiteral("TraceID"), id);
}

NhsHeaders& NhsHeaders::add(const QByteArray& name, const QByteArray& value)
{
    m_headers.append({name, value});
    return *this;
}

} // namespace cpis
