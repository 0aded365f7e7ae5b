#pragma once

#include "core/notices/AttendanceNotice.h"

#include <QAbstractTableModel>
#include <QList>

namespace cpis::ui {

// Attendance notices as a table, newest first. Read-only: the store is the source, and the
// view hands the model the stored list again after every check and acknowledgement.
class NoticeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        When,
        NhsNumber,
        ChildId,
        Plan,
        Viewer,
        Site,
        Acknowledged,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // comparable value per column
        AcknowledgedRole,            // bool
        WhenRole,                    // QDateTime, UTC
        SiteRole,                    // organisation ODS code
        ChildSearchRole,             // NHS digits and the LA's child id, for the child filter
    };

    explicit NoticeModel(QObject* parent = nullptr);

    void setNotices(const QList<AttendanceNotice>& notices);
    const QList<AttendanceNotice>& notices() const { return m_notices; }
    const AttendanceNotice& notice(int row) const { return m_notices.at(row); }
    int rowOf(const QString& messageId, const QString& eventId) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AttendanceNotice> m_notices;
};

} // namespace cpis::ui
