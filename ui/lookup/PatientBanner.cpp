#include "ui/lookup/PatientBanner.h"

#include "core/domain/DisplayFormat.h"
#include "ui/widgets/PlainLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cpis::ui {

PatientBanner::PatientBanner(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("patientBanner"));
    setAccessibleName(tr("Patient banner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#patientBanner { background: #e8edee; }"
                                 "QLabel[role=\"label\"] { color: #425563; }"
                                 "QLabel[role=\"value\"] { color: #212b32; font-weight: bold; }"));
    auto* outer = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    outer->addLayout(row);

    m_name = new PlainLabel(this);
    m_name->setObjectName(QStringLiteral("bannerName"));
    m_name->setProperty("role", QStringLiteral("value"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_name->setFont(big);
    // A long name takes the banner's spare width first, and wraps only on a narrow window:
    // never cut short.
    m_name->setWordWrap(true);
    row->addWidget(m_name, 1);
    row->addSpacing(24);

    auto field = [&](const QString& label, const QString& name) {
        auto* l = new PlainLabel(label, this);
        l->setObjectName(name + QStringLiteral("Label"));
        l->setProperty("role", QStringLiteral("label"));
        auto* v = new PlainLabel(this);
        v->setObjectName(name);
        v->setProperty("role", QStringLiteral("value"));
        v->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        l->setBuddy(v);
        row->addWidget(l);
        row->addWidget(v);
        row->addSpacing(16);
        return v;
    };
    // CUI: no colons after the labels.
    m_born = field(tr("Born"), QStringLiteral("bannerBorn"));
    // In place of an age: shown only for someone PDS records as dead.
    m_died = field(tr("Died"), QStringLiteral("bannerDied"));
    m_diedLabel = findChild<QLabel*>(QStringLiteral("bannerDiedLabel"));
    m_gender = field(tr("Gender"), QStringLiteral("bannerGender"));
    m_nhs = field(tr("NHS No."), QStringLiteral("bannerNhsNumber"));

    m_notes = new PlainLabel(this);
    m_notes->setObjectName(QStringLiteral("bannerNotes"));
    m_notes->setWordWrap(true);
    outer->addWidget(m_notes);
    clear();
}

void PatientBanner::setPatient(const Demographics& p, const QDate& today)
{
    m_name->setText(display::patientName(p.familyName, p.givenName, p.title));
    m_born->setText(display::bornWithAge(p.birthDate, p.deceased, today));
    m_died->setText(p.deceased ? display::partialDate(*p.deceased) : QString());
    m_died->setVisible(p.deceased.has_value());
    m_diedLabel->setVisible(p.deceased.has_value());
    m_gender->setText(display::gender(p.gender));
    m_nhs->setText(p.nhsNumber.display());

    QStringList notes;
    if (p.supersededFrom)
        notes << tr("The NHS number %1 has been replaced by %2. Use the new number from now on.")
                     .arg(p.supersededFrom->display(), p.nhsNumber.display());
    switch (p.confidentiality) {
    case Demographics::Confidentiality::Unrestricted:
        if (!p.temporaryAddress.isEmpty())
            notes << tr("Temporary address: %1").arg(p.temporaryAddress);
        break;
    case Demographics::Confidentiality::Restricted:
        notes << tr("Restricted record: address, contact details and GP practice are withheld.");
        break;
    case Demographics::Confidentiality::VeryRestricted:
        notes << tr("Very restricted record: address, contact details and GP practice are "
                    "withheld.");
        break;
    }
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
    setVisible(true);
    setAccessibleDescription(summaryText());
}

void PatientBanner::clear()
{
    for (QLabel* l : {m_name, m_born, m_died, m_gender, m_nhs, m_notes})
        l->clear();
    m_died->setVisible(false);
    m_diedLabel->setVisible(false);
    m_notes->setVisible(false);
    setAccessibleDescription(QString());
    setVisible(false);
}

QString PatientBanner::summaryText() const
{
    if (m_name->text().isEmpty())
        return {};
    if (!m_died->text().isEmpty())
        return tr("%1, born %2, died %3, gender %4, NHS number %5")
            .arg(m_name->text(), m_born->text(), m_died->text(), m_gender->text(), m_nhs->text());
    return tr("%1, born %2, gender %3, NHS number %4")
        .arg(m_name->text(), m_born->text(), m_gender->text(), m_nhs->text());
}

} // namespace cpis::ui
