#pragma once

#include "sandbox/endpoints/AccessLog.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace cpis::sandbox {

class LocalAuthorityDirectory;
class ScenarioCatalogue;
class SignInService;
class SyntheticPopulation;

// The local authorities' MESH-style mailboxes (docs/api.md §10): the access notifications that
// AccessLog queues, served as inbox listings and messages and acknowledged one by one. A
// mailbox id is the local authority's ODS code; only a user of that organisation whose role
// carries the CPIS-NOTICES workgroup may read it (real MESH authenticates the mailbox itself;
// the sandbox reuses the CIS2 bearer token instead).
class MeshMailbox
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };

    MeshMailbox(AccessLog& log, const SignInService& signIn);

    static bool handles(const QString& path) { return path.startsWith(kPathPrefix); }
    // `headers`: names in lower case.
    Answer answer(const QByteArray& method,
                  const QString& path,
                  const QHash<QByteArray, QByteArray>& headers);

    // A few notices in the social worker's mailbox, so training mode has something to show.
    // Deterministic: the same scenario children, viewers and ages on every start.
    void seed(const ScenarioCatalogue& catalogue,
              const SyntheticPopulation& population,
              const LocalAuthorityDirectory& authorities,
              const QDateTime& now);

    // The local authority's own id for a child: "<ODS>-" and eight digits, the first 32 bits
    // of SHA-256("<ODS>|<NHS number>") modulo 10^8. Stable across runs and seeds, and
    // different for each local authority, as two councils' case systems would be.
    static QString localChildId(const QString& laOdsCode, const QString& nhsNumber);
    // The message body: a FHIR Bundle (collection) of one AuditEvent.
    QJsonObject message(const AccessNotification& n) const;

    static const QString kPathPrefix;
    static const QString kWorkflowId;
    static const QString kSender;
    static const QString kChildIdSystem;

private:
    Answer error(const QHash<QByteArray, QByteArray>& headers,
                 int status,
                 const QString& spineCode,
                 const QString& why) const;
    Answer json(const QHash<QByteArray, QByteArray>& headers,
                const QByteArray& contentType,
                const QJsonObject& body) const;

    AccessLog& m_log;
    const SignInService& m_signIn;
};

} // namespace cpis::sandbox
