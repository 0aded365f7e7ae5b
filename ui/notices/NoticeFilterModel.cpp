#include "ui/notices/NoticeFilterModel.h"

#include "ui/notices/NoticeModel.h"

#include <QDateTime>
#include <QTimeZone>

namespace cpis::ui {

namespace {
QString squeezed(const QString& s)
{
    // "943 476 5919" and "9434765919" are the same number to the person typing.
    QString out;
    for (const QChar c : s)
        if (!c.isSpace() && c != u'-')
            out.append(c.toUpper());
    return out;
}

// The day as the table shows it (display::dateTime is UK time).
QDate ukDay(const QDateTime& utc)
{
    static const QTimeZone london(QByteArrayLiteral("Europe/London"));
    return (london.isValid() ? utc.toTimeZone(london) : utc.toLocalTime()).date();
}
} // namespace

NoticeFilterModel::NoticeFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(NoticeModel::SortRole);
}

void NoticeFilterModel::setShowAcknowledged(bool acknowledged)
{
    m_acknowledged = acknowledged;
    invalidateFilter();
}

void NoticeFilterModel::setChildText(const QString& text)
{
    m_child = squeezed(text);
    invalidateFilter();
}

void NoticeFilterModel::setDateRange(const QDate& from, const QDate& to)
{
    m_from = from;
    m_to = to;
    invalidateFilter();
}

void NoticeFilterModel::setSite(const QString& odsCode)
{
    m_site = odsCode;
    invalidateFilter();
}

bool NoticeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (i.data(NoticeModel::AcknowledgedRole).toBool() != m_acknowledged)
        return false;
    return matchesFilters(sourceRow);
}

bool NoticeFilterModel::matchesFilters(int sourceRow) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0);
    if (!m_site.isEmpty() && i.data(NoticeModel::SiteRole).toString() != m_site)
        return false;
    if (!m_child.isEmpty()) {
        // Each identifier on its own: "SHE1" must not match across the two.
        const QStringList ids = i.data(NoticeModel::ChildSearchRole).toString().split(u' ');
        bool any = false;
        for (const QString& id : ids)
            any = any || squeezed(id).contains(m_child);
        if (!any)
            return false;
    }
    const QDate day = ukDay(i.data(NoticeModel::WhenRole).toDateTime());
    if (m_from.isValid() && day < m_from)
        return false;
    if (m_to.isValid() && day > m_to)
        return false;
    return true;
}

} // namespace cpis::ui
