#include "ui/review/ReviewQueueModel.h"

#include "core/domain/DisplayFormat.h"
#include "core/domain/NhsNumber.h"

#include <algorithm>

namespace cpis::ui {

ReviewQueueModel::ReviewQueueModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ReviewQueueModel::statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::ToReview:
        return tr("To review");
    case ReviewStatus::Referred:
        return tr("Referred");
    case ReviewStatus::NoFurtherAction:
        return tr("No further action");
    }
    return {};
}

void ReviewQueueModel::setItems(const QList<ReviewItem>& items)
{
    beginResetModel();
    m_all = items;
    rebuild();
    endResetModel();
}

void ReviewQueueModel::setStatusFilter(std::optional<ReviewStatus> status)
{
    beginResetModel();
    m_filter = status;
    rebuild();
    endResetModel();
}

void ReviewQueueModel::setPlanFilter(std::optional<PlanType> type)
{
    beginResetModel();
    m_planFilter = type;
    rebuild();
    endResetModel();
}

void ReviewQueueModel::rebuild()
{
    m_shown.clear();
    for (const ReviewItem& it : std::as_const(m_all)) {
        const bool hasPlan = !m_planFilter || std::any_of(it.plans.cbegin(), it.plans.cend(),
                                                          [&](const ReviewPlan& p) {
                                                              return p.type == *m_planFilter;
                                                          });
        if ((!m_filter || it.status == *m_filter) && hasPlan)
            m_shown.append(it);
    }
}

int ReviewQueueModel::rowOf(const QString& id) const
{
    for (int i = 0; i < m_shown.size(); ++i)
        if (m_shown.at(i).id == id)
            return i;
    return -1;
}

int ReviewQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int ReviewQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size() || index.column() >= ColumnCount)
        return {};
    const ReviewItem& it = m_shown.at(index.row());
    if (role == Qt::UserRole)
        return it.id;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case When:
        return display::dateTime(it.when);
    case NhsNumber: {
        const auto nhs = cpis::NhsNumber::parse(it.nhsNumber);
        return nhs ? nhs->display() : it.nhsNumber;
    }
    case PlanTypes:
        return it.planTypes();
    case Authority:
        return it.authorities();
    case WhoLooked:
        return role == Qt::DisplayRole ? it.viewerName
                                       : tr("%1, %2").arg(it.viewerName, it.viewerRole);
    case Status:
        if (role != Qt::DisplayRole && !it.changedBy.isEmpty())
            return tr("%1 (by %2, %3)")
                .arg(statusText(it.status), it.changedBy, display::dateTime(it.changedAt));
        return statusText(it.status);
    case Note:
        return it.note;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case When:
        return tr("When");
    case NhsNumber:
        return tr("NHS number");
    case PlanTypes:
        return tr("Plans");
    case Authority:
        return tr("Local authority");
    case WhoLooked:
        return tr("Who looked");
    case Status:
        return tr("Status");
    case Note:
        return tr("Note");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cpis::ui
