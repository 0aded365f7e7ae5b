#include "ui/directory/LocalDirectoryModel.h"

namespace cpis::ui {

LocalDirectoryModel::LocalDirectoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void LocalDirectoryModel::setEntries(const QList<DirectoryEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int LocalDirectoryModel::rowOf(const QString& odsCode) const
{
    const QString ods = LocalDirectory::normalisedOds(odsCode);
    for (int r = 0; r < m_entries.size(); ++r)
        if (m_entries.at(r).odsCode == ods)
            return r;
    return -1;
}

int LocalDirectoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LocalDirectoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LocalDirectoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DirectoryEntry& e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case OdsCode:
            return e.odsCode;
        case Email:
            return e.email;
        case Notes:
            // One line in the table; the tooltip and screen readers get the whole text.
            return role == Qt::DisplayRole ? QString(e.notes).replace(u'\n', u' ') : e.notes;
        default:
            return {};
        }
    }
    return {};
}

QVariant LocalDirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OdsCode:
        return tr("ODS code");
    case Email:
        return tr("Email");
    case Notes:
        return tr("Notes");
    default:
        return {};
    }
}

} // namespace cpis::ui
