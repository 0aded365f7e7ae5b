#pragma once
// Every MESH request a test's sandbox answered, kept so that the test can hold them all to the
// published specification (tests/support/check_mesh_exchanges.py reads mesh-api.yaml).
#include "sandbox/endpoints/MeshMailbox.h"
#include "tests/support/ReferenceData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryFile>

namespace cpis::testsupport {

class MeshExchangeLog
{
public:
    // For SandboxServer::Options::meshObserver.
    std::function<void(const sandbox::MeshMailbox::Exchange&)> observer()
    {
        return [this](const sandbox::MeshMailbox::Exchange& e) { add(e); };
    }

    void add(const sandbox::MeshMailbox::Exchange& e)
    {
        QJsonObject query;
        for (const auto& [k, v] : e.query.queryItems(QUrl::FullyDecoded))
            query.insert(k, v);
        QJsonObject request;
        for (auto it = e.requestHeaders.cbegin(); it != e.requestHeaders.cend(); ++it)
            request.insert(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
        QJsonObject response;
        for (const auto& [k, v] : e.responseHeaders)
            response.insert(QString::fromLatin1(k).toLower(), QString::fromUtf8(v));
        m_all.append(
            QJsonObject{{QStringLiteral("method"), QString::fromLatin1(e.method)},
                        {QStringLiteral("path"), e.path},
                        {QStringLiteral("query"), query},
                        {QStringLiteral("requestHeaders"), request},
                        {QStringLiteral("status"), e.status},
                        {QStringLiteral("contentType"), QString::fromLatin1(e.contentType)},
                        {QStringLiteral("responseHeaders"), response},
                        {QStringLiteral("bodyBytes"), qint64(e.bodyBytes)}});
        if (e.status == 403)
            ++m_refused;
    }

    qsizetype size() const { return m_all.size(); }
    int refusals() const { return m_refused; }

    // Runs the check; the exit code and what it printed.
    std::pair<int, QString> check() const
    {
        QTemporaryFile file;
        if (!file.open())
            return {-1, QStringLiteral("no temporary file")};
        file.write(QJsonDocument(m_all).toJson(QJsonDocument::Compact));
        file.flush();
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start(QStringLiteral("python3"),
                 {QStringLiteral(CPIS_SOURCE_DIR "/tests/support/check_mesh_exchanges.py"),
                  referenceDataPath(QStringLiteral("mesh/specification/mesh-api.yaml")),
                  file.fileName()});
        if (!py.waitForFinished(120000))
            return {-1, QStringLiteral("the check did not finish")};
        return {py.exitCode(), QString::fromUtf8(py.readAll())};
    }

private:
    QJsonArray m_all;
    int m_refused = 0;
};

} // namespace cpis::testsupport
