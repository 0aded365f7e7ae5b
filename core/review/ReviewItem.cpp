#include "core/review/ReviewItem.h"

#include <QStringList>

namespace cpis {

QString reviewStatusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::ToReview:
        return QStringLiteral("to-review");
    case ReviewStatus::Referred:
        return QStringLiteral("referred");
    case ReviewStatus::NoFurtherAction:
        return QStringLiteral("no-further-action");
    }
    return {};
}

std::optional<ReviewStatus> reviewStatusFromName(const QString& name)
{
    for (ReviewStatus s :
         {ReviewStatus::ToReview, ReviewStatus::Referred, ReviewStatus::NoFurtherAction})
        if (reviewStatusName(s) == name)
            return s;
    return std::nullopt;
}

QString ReviewItem::planTypes() const
{
    QStringList out;
    for (const ReviewPlan& p : plans)
        if (!out.contains(planTypeShortName(p.type)))
            out << planTypeShortName(p.type);
    return out.join(QStringLiteral(", "));
}

QString ReviewItem::authorities() const
{
    QStringList out;
    for (const ReviewPlan& p : plans)
        if (!out.contains(p.laName))
            out << p.laName;
    return out.join(QStringLiteral(", "));
}

} // namespace cpis
