#pragma once

#include "core/domain/NhsNumber.h"

#include <QLineEdit>

namespace cpis::ui {

// The one NHS-number field: groups 3-3-4 as the user types or pastes, validates as typed,
// submits on Enter and clears on Esc.
class NhsNumberEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit NhsNumberEdit(QWidget* parent = nullptr);

    // The reason the current text is not a valid number, or empty when it is.
    QString problem() const { return m_problem; }
    bool isComplete() const { return m_problem.isEmpty(); }

signals:
    void submitted(const cpis::NhsNumber& number);
    void rejected(const QString& reason);
    void problemChanged(const QString& reason);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void regroup();
    void revalidate();

    QString m_problem;
};

} // namespace cpis::ui
