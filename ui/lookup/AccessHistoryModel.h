#pragma once

#include "core/domain/AccessRecord.h"

#include <QAbstractTableModel>
#include <QList>

namespace cpis::ui {

// CP-IS access history, newest first: when, who, role, organisation.
class AccessHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        When,
        Who,
        Role,
        Organisation,
        ColumnCount
    };

    explicit AccessHistoryModel(QObject* parent = nullptr);

    void setRecords(const QList<AccessRecord>& records);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AccessRecord> m_records;
};

} // namespace cpis::ui
