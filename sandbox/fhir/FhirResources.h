#pragma once

#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cpis::sandbox {

// The sandbox's one writer of FHIR R4 JSON, in the shapes docs/api.md states and the desk's
// readers expect: every resource, Bundle and OperationOutcome the sandbox sends, including the
// area lists' NDJSON lines, is built here as a QJsonObject and serialised by QJsonDocument.
class FhirResources
{
public:
    explicit FhirResources(const LocalAuthorityDirectory& authorities) : m_authorities(authorities)
    {}

    QJsonObject patient(const SandboxPerson& person) const;
    // The Patient of an area list (§11): who the child is, no address or telecom.
    static QJsonObject listPatient(const SandboxPerson& person, const QDateTime& lastUpdated);
    // One plan as an area list's CareTeam (§11): the authority as a contained Organization with
    // its ODS code; `lastUpdated` valid: with meta.lastUpdated. The CP-IS search's CareTeams
    // are the guide's shape instead (CpisGuideResources).
    QJsonObject careTeam(const QString& nhsNumber,
                         const SandboxPlan& plan,
                         int index,
                         const QDate& today,
                         const QDateTime& lastUpdated = {}) const;
    static QJsonObject group(const QString& id, const QString& name, int quantity);

    // `fullUrlBase`: scheme://host:port the request came to (Bundle.entry.fullUrl). Written
    // by CpisGuideResources in the draft CP-IS guide's shapes.
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

    // PDS demographic search (docs/api.md, PDS search): one match as a searchset entry, with
    // its score and only what a search returns (usual, nickname and temporary names; the
    // home address), and the searchset of them, best first, with its timestamp.
    QJsonObject
    patientSearchEntry(const SandboxPerson& person, double score, const QString& fullUrlBase) const;
    static QJsonObject
    patientSearchset(const QString& bundleId, const QDateTime& now, const QJsonArray& entries);
    // More people matched than the search may return: a 200 whose body says so.
    static QJsonObject tooManyMatches();

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

    // A 202's body: information, not an error (FHIR Bulk Data allows an OperationOutcome there).
    static QJsonObject information(const QString& diagnostics);

    // A searchset Bundle of `entries`, `total` matches.
    static QJsonObject
    searchset(const QString& bundleId, const QDateTime& now, int total, const QJsonArray& entries);
    // A searchset entry; `mode` is match or include.
    static QJsonObject
    entry(const QString& fullUrl, const QJsonObject& resource, const QString& mode);
    // One NDJSON line (without its newline).
    static QByteArray ndjsonLine(const QJsonObject& resource);

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

    // The plan code of the unknown-plan-code fault: no plan type has it.
    static const QString kUnknownPlanCode;

private:
    QJsonObject organisation(int laIndex) const;

    const LocalAuthorityDirectory& m_authorities;
    mutable QHash<int, QJsonObject> m_organisations; // an area list names few, thousands of times
};

} // namespace cpis::sandbox
