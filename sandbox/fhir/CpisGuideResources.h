#pragma once

#include "sandbox/endpoints/AccessLog.h"
#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cpis::sandbox {

// The CP-IS search answers in the shapes of the draft CP-IS FHIR R4 guide (NHS England IG
// v1.0.0, 9 Nov 2023; docs/api.md §5-§6): a CareTeam names its local authority on
// CareTeam.name and CareTeam.telecom (work: office hours, mobile: emergency duty) with no ODS
// code; Bundle.total counts records, one per responsible authority, each with up to three
// plans; some periods are dateTimes; an AuditEvent lists the patient and the requester, a
// PractitionerRole or, for an access by a system, a Device referred to by its absolute fullUrl.
class CpisGuideResources
{
public:
    explicit CpisGuideResources(const LocalAuthorityDirectory& authorities)
        : m_authorities(authorities)
    {}

    QJsonObject careTeam(const QString& nhsNumber,
                         const SandboxPlan& plan,
                         int index,
                         const QDate& today) const;
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

    // A plan date as the sandbox writes it: a FHIR date, or for Looked After Child plans the
    // dateTime of midnight in Europe/London, written in UTC, so that a reader which took the
    // dateTime's own date part would be a day early in summer.
    static bool writesDateTime(const SandboxPlan& plan)
    {
        return plan.type == PlanType::LookedAfter;
    }
    static QString periodValue(const QDate& date, bool asDateTime);
    // How many records the plans make: one per responsible authority.
    static int recordCount(const QList<SandboxPlan>& plans);

private:
    const LocalAuthorityDirectory& m_authorities;
};

} // namespace cpis::sandbox
