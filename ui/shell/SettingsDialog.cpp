#include "ui/shell/SettingsDialog.h"

#include "ui/widgets/PlainLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace cpis::ui {

SettingsDialog::SettingsDialog(const DeskSettings& current,
                               const Administered& administered,
                               QWidget* parent)
    : QDialog(parent), m_base(current)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("CP-IS Desk settings"));
    setAccessibleName(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("settingsProfile"));
    m_profile->setAccessibleName(tr("Service profile"));
    for (const QString& name : administered.profiles)
        m_profile->addItem(
            name == u"training" ? tr("training (built-in sandbox, synthetic data)") : name, name);
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(administered.profileInUse)));
    // One allowed profile leaves nothing to choose.
    m_profile->setEnabled(administered.profiles.size() > 1);
    form->addRow(PlainLabel::forField(tr("Service &profile"), m_profile), m_profile);

    auto readOnly = [this, form](const QString& label, const QString& name, const QString& text) {
        auto* value = new PlainLabel(text, this);
        value->setObjectName(name);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setAccessibleName(label + u' ' + text);
        form->addRow(PlainLabel::forField(label, value), value);
    };
    readOnly(tr("Environment"), QStringLiteral("settingsEnvironment"), administered.environment);
    readOnly(tr("Site type"), QStringLiteral("settingsSite"), administered.siteText);
    auto* administeredNote =
        new PlainLabel(tr("The profiles, their addresses and the site type are set by your "
                          "administrator in %1.")
                           .arg(administered.file),
                       this);
    administeredNote->setObjectName(QStringLiteral("settingsAdministered"));
    administeredNote->setWordWrap(true);
    form->addRow(administeredNote);

    m_idle = new QSpinBox(this);
    m_idle->setObjectName(QStringLiteral("settingsIdleLock"));
    m_idle->setAccessibleName(tr("Lock after minutes idle"));
    m_idle->setRange(1, 60);
    m_idle->setSuffix(tr(" min"));
    m_idle->setValue(current.idleLockMinutes);
    form->addRow(PlainLabel::forField(tr("&Lock when idle for"), m_idle), m_idle);

    m_retention = new QSpinBox(this);
    m_retention->setObjectName(QStringLiteral("settingsRetention"));
    m_retention->setAccessibleName(tr("Keep offline answers for hours"));
    m_retention->setRange(1, 72);
    m_retention->setSuffix(tr(" h"));
    m_retention->setValue(current.cacheRetentionHours);
    form->addRow(PlainLabel::forField(tr("&Keep offline answers for"), m_retention), m_retention);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    // Each language is named in itself, so someone who cannot read the current one finds it.
    m_language->addItem(QStringLiteral("English (UK)"), QStringLiteral("en_GB"));
    m_language->addItem(QStringLiteral("Cymraeg"), QStringLiteral("cy"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    form->addRow(PlainLabel::forField(tr("Lan&guage"), m_language), m_language);

    auto* note = new PlainLabel(tr("The idle lock changes at once; the profile, retention and "
                                   "language when CP-IS Desk next starts."),
                                this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save settings"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

DeskSettings SettingsDialog::settings() const
{
    DeskSettings s = m_base;
    s.profile = m_profile->currentData().toString();
    s.idleLockMinutes = m_idle->value();
    s.cacheRetentionHours = m_retention->value();
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace cpis::ui
