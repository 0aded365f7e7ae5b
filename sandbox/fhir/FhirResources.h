#pragma once

#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cpis::sandbox {

// Builds the FHIR R4 JSON the sandbox answers with, in the shapes docs/api.md states and
// core/FhirParser reads.
class FhirResources
{
public:
    explicit FhirResources(const LocalAuthorityDirectory& authorities) : m_authorities(authorities)
    {}

    QJsonObject patient(const SandboxPerson& person) const;

    // `fullUrlBase`: scheme://host:port the request came to (Bundle.entry.fullUrl).
    QJsonObject careTeamBundle(const QString& nhsNumber,
                               const QList<SandboxPlan>& plans,
                               const QDate& today,
                               const QString& bundleId,
                               const QDateTime& now,
                               const QString& fullUrlBase) const;
    QJsonObject auditEventBundle(const QString& nhsNumber,
                                 const QList<AccessEvent>& events,
                                 const QString& bundleId,
                                 const QDateTime& now,
                                 const QString& fullUrlBase) const;

    struct Outcome
    {
        int status;
        QString spineCode;
        QString display;
        QString issueCode; // FHIR IssueType
    };
    static Outcome outcomeFor(int status, const QString& spineCode);
    static QJsonObject
    operationOutcome(int status, const QString& spineCode, const QString& diagnostics);

    static QString instant(const QDateTime& t);
    // {system, code, display}: a Coding, or a SNOMED CT plan type as a CareTeam category has it.
    static QJsonObject coding(const QString& system, const QString& code, const QString& display);
    // What every CP-IS AuditEvent shares (access history §7, notices §10, review feed §12): a
    // RESTful operation CP-IS observed, recorded at `when`; the caller says who and about what.
    static QJsonObject auditEvent(const QString& id,
                                  const QString& action,
                                  const QDateTime& when,
                                  const QJsonArray& agent,
                                  const QJsonArray& entity);
    // The requesting agent as the access history and the review feed name it: an assigned
    // entity, by reference to the viewer's PractitionerRole (included in the same Bundle).
    static QJsonObject practitionerRoleAgent(const QString& roleId);
    // The PractitionerRole of a viewer as a searchset entry with search.mode include (§6, §12).
    static QJsonObject includedPractitionerRole(const TestUser& viewer, const QString& origin);

    static const QString kNhsSystem;
    static const QString kSnomedSystem;
    static const QString kOdsSystem;
    static const QString kSpineErrorSystem;
    static const QString kUnknownPlanCode;

private:
    QJsonObject careTeam(const QString& nhsNumber,
                         const SandboxPlan& plan,
                         int index,
                         const QDate& today) const;

    const LocalAuthorityDirectory& m_authorities;
};

} // namespace cpis::sandbox
