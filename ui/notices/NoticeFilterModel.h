#pragma once

#include <QDate>
#include <QSortFilterProxyModel>
#include <QString>

namespace cpis::ui {

// What the notices table shows: new or acknowledged notices, narrowed by child (NHS number or
// the LA's child id, as typed), by the local date of the look-up and by site (ODS code).
class NoticeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NoticeFilterModel(QObject* parent = nullptr);

    void setShowAcknowledged(bool acknowledged);
    bool showsAcknowledged() const { return m_acknowledged; }
    void setChildText(const QString& text); // spaces and case ignored; empty: every child
    void setDateRange(const QDate& from, const QDate& to); // inclusive; null: no bound
    void setSite(const QString& odsCode);                  // empty: every site

    // Whether a notice passes the child, date and site filters, new or acknowledged alike.
    bool matchesFilters(int sourceRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_acknowledged = false;
    QString m_child;
    QDate m_from;
    QDate m_to;
    QString m_site;
};

} // namespace cpis::ui
