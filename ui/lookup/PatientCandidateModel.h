#pragma once

#include "core/domain/PatientCandidate.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace cpis::ui {

// The candidates of a demographic search, best first as PDS ranked them: score, name, born,
// sex, address (the home address's first line and postcode) and NHS number. Qt::UserRole on
// any column is the candidate's NHS number (ten digits), for picking one.
class PatientCandidateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Score,
        Name,
        Born,
        Sex,
        Address,
        Number,
        ColumnCount
    };

    explicit PatientCandidateModel(QObject* parent = nullptr);

    // `today` for the ages shown beside the birth dates.
    void setCandidates(const QList<PatientCandidate>& candidates, const QDate& today);
    void clear();
    const QList<PatientCandidate>& candidates() const { return m_candidates; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // What a screen reader reads for a whole row.
    QString rowText(int row) const;

private:
    QList<PatientCandidate> m_candidates;
    QDate m_today;
};

} // namespace cpis::ui
