#include "ui/lookup/PatientCandidateModel.h"

#include "core/domain/DisplayFormat.h"

#include <QLocale>

namespace cpis::ui {

namespace {
// The part of the address that tells two candidates apart without showing all of it: the
// first line and the postcode.
QString addressPart(const QString& address)
{
    const QStringList parts = address.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    if (parts.size() <= 2)
        return parts.join(QStringLiteral(", "));
    return parts.first() + QStringLiteral(", ") + parts.last();
}
} // namespace

PatientCandidateModel::PatientCandidateModel(QObject* parent) : QAbstractTableModel(parent) {}

void PatientCandidateModel::setCandidates(const QList<PatientCandidate>& candidates,
                                          const QDate& today)
{
    beginResetModel();
    m_candidates = candidates;
    m_today = today;
    endResetModel();
}

void PatientCandidateModel::clear()
{
    setCandidates({}, m_today);
}

int PatientCandidateModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

int PatientCandidateModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientCandidateModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PatientCandidate& c = m_candidates.at(index.row());
    const Demographics& p = c.patient;
    if (role == Qt::UserRole)
        return p.nhsNumber.digits();
    if (role == Qt::AccessibleTextRole && index.column() == Name)
        return rowText(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Score:
            // A percentage reads at a glance; PDS's 1.0 is "100%", an exact match.
            return QStringLiteral("%1%").arg(qRound(c.score * 100));
        case Name:
            return display::patientName(p.familyName, p.givenName, p.title);
        case Born:
            // A candidate PDS says has died says so beside the birth date, as the banner does.
            return p.deceased ? display::bornWithAge(p.birthDate, p.deceased, m_today) +
                                    QStringLiteral(", ") + display::died(*p.deceased)
                              : display::bornWithAge(p.birthDate, p.deceased, m_today);
        case Sex:
            return display::gender(p.gender);
        case Address:
            if (p.restricted())
                return tr("Withheld (restricted record)");
            return p.address.isEmpty() ? display::notKnown() : addressPart(p.address);
        case Number:
            return p.nhsNumber.display();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Score)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PatientCandidateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Score:
        return tr("Match");
    case Name:
        return tr("Name");
    case Born:
        return tr("Born");
    case Sex:
        return tr("Sex");
    case Address:
        return tr("Address");
    case Number:
        return tr("NHS No.");
    default:
        return {};
    }
}

QString PatientCandidateModel::rowText(int row) const
{
    if (row < 0 || row >= m_candidates.size())
        return {};
    QStringList cells;
    for (int c = Score; c < ColumnCount; ++c)
        cells << headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() + u' ' +
                     data(index(row, c), Qt::DisplayRole).toString();
    return cells.join(QStringLiteral(", "));
}

} // namespace cpis::ui
