#pragma once

#include "core/review/ReviewItem.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace cpis::ui {

// The review queue as a table: when, child's NHS number, plan types, local authority, who
// looked, status, note. Read-only: status changes go through ReviewService to the store, which
// then hands the model the stored list again. Shows one status, or all.
class ReviewQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        When,
        NhsNumber,
        PlanTypes,
        Authority,
        WhoLooked,
        Status,
        Note,
        ColumnCount
    };

    explicit ReviewQueueModel(QObject* parent = nullptr);

    void setItems(const QList<ReviewItem>& items);
    void setStatusFilter(std::optional<ReviewStatus> status); // nullopt: all
    std::optional<ReviewStatus> statusFilter() const { return m_filter; }
    void setPlanFilter(std::optional<PlanType> type); // nullopt: every plan type
    const ReviewItem& item(int row) const { return m_shown.at(row); }
    int rowOf(const QString& id) const; // -1 when not shown

    static QString statusText(ReviewStatus status);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void rebuild();

    QList<ReviewItem> m_all;
    QList<ReviewItem> m_shown;
    std::optional<ReviewStatus> m_filter = ReviewStatus::ToReview;
    std::optional<PlanType> m_planFilter;
};

} // namespace cpis::ui
