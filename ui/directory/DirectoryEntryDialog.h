#pragma once

#include "core/directory/LocalDirectory.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace cpis::ui {

// Adds or edits one local directory entry. When editing, the ODS code is fixed: it is the
// key the national record's plans are matched on.
class DirectoryEntryDialog : public QDialog
{
    Q_OBJECT
public:
    DirectoryEntryDialog(const DirectoryEntry& initial, bool editing, QWidget* parent = nullptr);

    DirectoryEntry entry() const;

    // Empty when the entry can be saved, else what to fix.
    static QString problem(const DirectoryEntry& e);

private:
    void check();

    QLineEdit* m_ods = nullptr;
    QLineEdit* m_email = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace cpis::ui
