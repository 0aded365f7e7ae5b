#pragma once

#include "sandbox/world/LocalAuthorityDirectory.h"
#include "sandbox/world/SandboxPerson.h"
#include "sandbox/world/SeededRandom.h"
#include "sandbox/world/TestUser.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

namespace cpis::sandbox {

class ScenarioCatalogue;
class SyntheticPopulation;

// A CP-IS positive: a CareTeam query that returned at least one plan, as the review feed of
// the viewer's organisation lists it (docs/api.md §12).
struct ReviewPositive
{
    QString id;
    QString nhsNumber;
    QDateTime when;
    TestUser viewer;
    QList<SandboxPlan> plans;
};

// The site review feed: GET /cpis/FHIR/R4/AuditEvent?site=<ODS>&outcome=positive[&date=..]
// [&_count=..][&_offset=..], for roles in the CPIS-REVIEW workgroup at their own organisation.
// Positives are recorded as CareTeam queries return plans, and a deterministic 30-day history
// at the hospital trust is seeded at start so a review screen has something to show.
class ReviewFeed
{
public:
    struct Answer
    {
        int status = 200;
        QJsonObject body;  // the Bundle when status is 200
        QString spineCode; // otherwise
        QString why;
    };

    static constexpr int kKeptDays = 90; // older positives are not served
    static constexpr int kDefaultCount = 100;
    static constexpr int kMaxCount = 500;

    explicit ReviewFeed(const LocalAuthorityDirectory& authorities) : m_authorities(authorities) {}

    // An AuditEvent search naming a site is the review feed; without one it is access history.
    static bool handles(const QString& path, const QUrlQuery& query);

    // Records a CareTeam answer; only one with plans is a positive.
    void record(const QString& nhsNumber,
                const QList<SandboxPlan>& plans,
                const QDateTime& when,
                const TestUser& viewer);
    // Deterministic positives by `viewers` on the 30 days before `now`, about the scenario
    // children with plans and generated people with plans.
    void seed(const SyntheticPopulation& population,
              const ScenarioCatalogue& scenarios,
              const QList<TestUser>& viewers,
              const QDateTime& now,
              const SeededRandom& random);

    Answer answer(const QUrlQuery& query,
                  const TestUser& user,
                  const QDateTime& now,
                  const QString& origin) const;

    QList<ReviewPositive> positivesAt(const QString& orgCode) const; // newest first

private:
    QJsonObject auditEvent(const ReviewPositive& p) const;

    const LocalAuthorityDirectory& m_authorities;
    QList<ReviewPositive> m_positives; // in the order recorded
    quint64 m_sequence = 0;
};

} // namespace cpis::sandbox
