#pragma once

#include "core/notices/AttendanceNotice.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

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
        FreshRole,                   // bool: arrived while the screen was open, not yet opened
    };

    explicit NoticeModel(QObject* parent = nullptr);

    void setNotices(const QList<AttendanceNotice>& notices);
    const QList<AttendanceNotice>& notices() const { return m_notices; }
    const AttendanceNotice& notice(int row) const { return m_notices.at(row); }
    int rowOf(const QString& messageId, const QString& eventId) const; // -1 when absent
    static QString keyOf(const AttendanceNotice& notice); // one notice: message and event

    // Notices (by keyOf) shown as just arrived: bold, marked in the first column and said so to
    // a screen reader, so the new rows stand out without colour alone.
    void setFresh(const QSet<QString>& keys);
    const QSet<QString>& fresh() const { return m_fresh; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AttendanceNotice> m_notices;
    QSet<QString> m_fresh;
};

} // namespace cpis::ui
