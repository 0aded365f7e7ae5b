#include "ui/lookup/AccessHistoryModel.h"

#include "core/domain/DisplayFormat.h"

namespace cpis::ui {

AccessHistoryModel::AccessHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void AccessHistoryModel::setRecords(const QList<AccessRecord>& records)
{
    beginResetModel();
    // The screen promises the most recent 25; a longer answer is cut, never scrolled.
    m_records = records.mid(0, 25);
    endResetModel();
}

void AccessHistoryModel::clear()
{
    setRecords({});
}

int AccessHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AccessHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccessHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AccessRecord& r = m_records.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        auto orNotKnown = [](const QString& s) { return s.isEmpty() ? display::notKnown() : s; };
        switch (index.column()) {
        case When:
            return display::dateTime(r.when);
        case Who:
            return orNotKnown(r.viewerName);
        case Role:
            return orNotKnown(r.role);
        case Organisation:
            return orNotKnown(r.organisation);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole && index.column() == When)
        return r.when; // for sorting by time, not by text
    return {};
}

QVariant AccessHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Role:
        return tr("Role");
    case Organisation:
        return tr("Organisation");
    default:
        return {};
    }
}

} // namespace cpis::ui
