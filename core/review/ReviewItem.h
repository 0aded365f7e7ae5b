#pragma once

#include "core/domain/PlanType.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace cpis {

// What the desk makes of a positive once someone at the site has looked at it.
enum class ReviewStatus
{
    ToReview,
    Referred,
    NoFurtherAction,
};

QString reviewStatusName(ReviewStatus status); // stable ids, stored in the database
std::optional<ReviewStatus> reviewStatusFromName(const QString& name);

// One plan a positive found: its type and the local authority responsible for it.
struct ReviewPlan
{
    PlanType type = PlanType::ChildProtection;
    QString laOds;
    QString laName;

    friend bool operator==(const ReviewPlan& a, const ReviewPlan& b)
    {
        return a.type == b.type && a.laOds == b.laOds && a.laName == b.laName;
    }
};

// A CP-IS positive raised at the site (docs/api.md §12), with the desk-side review of it.
// The feed supplies everything down to `plans`; the rest is this site's own record.
struct ReviewItem
{
    QString id; // the AuditEvent id: items merge on it
    QDateTime when;
    QString nhsNumber;
    QString viewerName;
    QString viewerRole;
    QList<ReviewPlan> plans;

    ReviewStatus status = ReviewStatus::ToReview;
    QString note;
    QString changedBy; // empty until someone sets a status
    QDateTime changedAt;

    QString planTypes() const;   // "CPP, LAC"
    QString authorities() const; // distinct LA names, in plan order
};

} // namespace cpis
