#include "ui/notices/NoticeModel.h"

#include "core/domain/DisplayFormat.h"
#include "core/domain/PlanType.h"

#include <QFont>

namespace cpis::ui {

NoticeModel::NoticeModel(QObject* parent) : QAbstractTableModel(parent) {}

void NoticeModel::setNotices(const QList<AttendanceNotice>& notices)
{
    beginResetModel();
    m_notices = notices;
    endResetModel();
}

int NoticeModel::rowOf(const QString& messageId, const QString& eventId) const
{
    for (int r = 0; r < m_notices.size(); ++r)
        if (m_notices.at(r).messageId == messageId && m_notices.at(r).eventId == eventId)
            return r;
    return -1;
}

QString NoticeModel::keyOf(const AttendanceNotice& notice)
{
    return notice.messageId + u'/' + notice.eventId;
}

void NoticeModel::setFresh(const QSet<QString>& keys)
{
    if (keys == m_fresh)
        return;
    m_fresh = keys;
    if (!m_notices.isEmpty())
        emit dataChanged(
            index(0, 0), index(rowCount() - 1, ColumnCount - 1),
            {Qt::DisplayRole, Qt::AccessibleTextRole, Qt::ToolTipRole, Qt::FontRole, FreshRole});
}

int NoticeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_notices.size());
}

int NoticeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoticeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttendanceNotice& n = m_notices.at(index.row());
    const bool fresh = m_fresh.contains(keyOf(n));
    switch (role) {
    case FreshRole:
        return fresh;
    case Qt::FontRole:
        if (!fresh)
            return {};
        {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
    case AcknowledgedRole:
        return n.isAcknowledged();
    case WhenRole:
        return n.whenUtc;
    case SiteRole:
        return n.organisationCode;
    case ChildSearchRole:
        return QString(n.nhsNumber.digits() + u' ' + n.localChildId);
    case SortRole:
        switch (index.column()) {
        case When:
            return n.whenUtc;
        case Acknowledged:
            return n.acknowledgedUtc;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case When:
            if (!fresh)
                return display::dateTime(n.whenUtc);
            return role == Qt::DisplayRole
                       ? QString(QStringLiteral("\u25CF ") + display::dateTime(n.whenUtc))
                       : tr("Just arrived: %1").arg(display::dateTime(n.whenUtc));
        case NhsNumber:
            return n.nhsNumber.display();
        case ChildId:
            return n.localChildId;
        case Plan:
            if (n.kind == AttendanceNotice::Kind::Unreadable)
                return tr("Could not be read");
            if (n.kind == AttendanceNotice::Kind::DeliveryError)
                return tr("Delivery error");
            if (!n.planType)
                return QString();
            return role == Qt::DisplayRole ? planTypeShortName(*n.planType)
                                           : planTypeText(*n.planType);
        case Viewer:
            if (n.kind == AttendanceNotice::Kind::Unreadable)
                return tr("A notice could not be read (MESH message %1)").arg(n.messageId);
            if (n.kind == AttendanceNotice::Kind::DeliveryError)
                return tr("MESH delivery error (message %1)").arg(n.messageId);
            if (!n.systemId.isEmpty())
                return n.viewerName.isEmpty()
                           ? tr("System %1").arg(n.systemId)
                           : tr("System %1 for %2, %3").arg(n.systemId, n.viewerName, n.viewerRole);
            return QString(n.viewerName + QStringLiteral(", ") + n.viewerRole);
        case Site:
            if (!n.isNotice())
                return n.problem;
            return QString(n.organisationName + QStringLiteral(" (") + n.organisationCode + u')');
        case Acknowledged:
            return n.isAcknowledged() ? display::dateTime(n.acknowledgedUtc)
                                      : (role == Qt::DisplayRole ? QString() : tr("Not yet"));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant NoticeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("Looked up");
    case NhsNumber:
        return tr("NHS number");
    case ChildId:
        return tr("LA child id");
    case Plan:
        return tr("Plan");
    case Viewer:
        return tr("By");
    case Site:
        return tr("Site");
    case Acknowledged:
        return tr("Acknowledged");
    default:
        return {};
    }
}

} // namespace cpis::ui
