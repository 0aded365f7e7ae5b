#pragma once

#include "core/directory/LocalDirectory.h"

#include <QAbstractTableModel>
#include <QList>

namespace cpis::ui {

// The local directory as a table: ODS code, email, notes. Read-only: edits go through
// LocalDirectoryDialog to the store, which then hands the model the stored list again.
class LocalDirectoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        OdsCode,
        Email,
        Notes,
        ColumnCount
    };

    explicit LocalDirectoryModel(QObject* parent = nullptr);

    void setEntries(const QList<DirectoryEntry>& entries);
    const DirectoryEntry& entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString& odsCode) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<DirectoryEntry> m_entries;
};

} // namespace cpis::ui
