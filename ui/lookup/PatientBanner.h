#pragma once

#include "core/domain/Demographics.h"

#include <QDateTime>
#include <QFrame>

#include <optional>

class QLabel;

namespace cpis::ui {

// The CUI patient banner: name, born (age), died (only for the dead, in place of an age),
// gender and NHS number, in that order and with that tab order; labels without colons; "Not
// Known" for unknown values.
class PatientBanner : public QFrame
{
    Q_OBJECT
public:
    explicit PatientBanner(QWidget* parent = nullptr);

    void setPatient(const Demographics& patient, const QDate& today);
    // The banner comes from the offline copy fetched at `fetchedUtc`, not from PDS today.
    void markFromCopy(const QDateTime& fetchedUtc);
    bool isFromCopy() const;
    void clear();

    QString summaryText() const; // what a screen reader announces

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void elideName();

    QString m_fullName;
    QLabel* m_copyMark = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_born = nullptr;
    QLabel* m_died = nullptr;
    QLabel* m_diedLabel = nullptr;
    QLabel* m_gender = nullptr;
    QLabel* m_nhs = nullptr;
    QLabel* m_notes = nullptr;
};

} // namespace cpis::ui
