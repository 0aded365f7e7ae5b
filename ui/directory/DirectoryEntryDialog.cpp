#include "ui/directory/DirectoryEntryDialog.h"

#include "ui/widgets/PlainLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cpis::ui {

DirectoryEntryDialog::DirectoryEntryDialog(const DirectoryEntry& initial,
                                           bool editing,
                                           QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("directoryEntryDialog"));
    setWindowTitle(editing ? tr("Edit local directory entry") : tr("Add local directory entry"));
    setAccessibleName(windowTitle());
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_ods = new QLineEdit(initial.odsCode, this);
    m_ods->setObjectName(QStringLiteral("directoryOds"));
    m_ods->setAccessibleName(tr("Local authority ODS code"));
    m_ods->setPlaceholderText(QStringLiteral("SHE1"));
    m_ods->setReadOnly(editing);
    form->addRow(PlainLabel::forField(tr("&ODS code"), m_ods), m_ods);

    m_email = new QLineEdit(initial.email, this);
    m_email->setObjectName(QStringLiteral("directoryEmail"));
    m_email->setAccessibleName(tr("Local authority email"));
    form->addRow(PlainLabel::forField(tr("&Email"), m_email), m_email);

    m_notes = new QPlainTextEdit(initial.notes, this);
    m_notes->setObjectName(QStringLiteral("directoryNotes"));
    m_notes->setAccessibleName(tr("Notes about this local authority"));
    m_notes->setTabChangesFocus(true); // Tab leaves the notes, as in every other field
    form->addRow(PlainLabel::forField(tr("&Notes"), m_notes), m_notes);

    m_problem = new PlainLabel(this);
    m_problem->setObjectName(QStringLiteral("directoryEntryProblem"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save entry"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_ods, &QLineEdit::textChanged, this, &DirectoryEntryDialog::check);
    connect(m_email, &QLineEdit::textChanged, this, &DirectoryEntryDialog::check);
    check();
    (editing ? static_cast<QWidget*>(m_email) : m_ods)->setFocus();
}

QString DirectoryEntryDialog::problem(const DirectoryEntry& e)
{
    static const QRegularExpression ods(QStringLiteral("^[A-Z0-9]{3,10}$"));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    const QString code = LocalDirectory::normalisedOds(e.odsCode);
    if (code.isEmpty())
        return tr("Enter the local authority's ODS code.");
    if (!ods.match(code).hasMatch())
        return tr("An ODS code is 3 to 10 letters and digits.");
    if (!e.email.trimmed().isEmpty() && !email.match(e.email.trimmed()).hasMatch())
        return tr("The email address is not complete.");
    return {};
}

void DirectoryEntryDialog::check()
{
    const QString why = problem(entry());
    m_problem->setText(why);
    m_problem->setAccessibleName(why.isEmpty() ? tr("Entry can be saved") : why);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(why.isEmpty());
}

DirectoryEntry DirectoryEntryDialog::entry() const
{
    return {LocalDirectory::normalisedOds(m_ods->text()), m_email->text().trimmed(),
            m_notes->toPlainText().trimmed()};
}

} // namespace cpis::ui
