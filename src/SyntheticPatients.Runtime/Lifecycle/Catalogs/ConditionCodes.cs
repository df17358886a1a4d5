using SyntheticPatients.Runtime.Definitions;
using static SyntheticPatients.Runtime.Lifecycle.Catalogs.Terms;

namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>Condition definitions (SNOMED CT primary code, ICD-10-CM second) shared by the baseline catalogs.</summary>
public static class ConditionCodes
{
    // Chronic conditions.
    public static readonly ConditionDefinition Hypertension = Condition("Essential hypertension", "cardiovascular", "38341003", "Hypertensive disorder, systemic arterial (disorder)", "I10", "Essential (primary) hypertension");
    public static readonly ConditionDefinition Diabetes2 = Condition("Type 2 diabetes mellitus", "metabolic", "44054006", "Diabetes mellitus type 2 (disorder)", "E11.9", "Type 2 diabetes mellitus without complications");
    public static readonly ConditionDefinition Prediabetes = Condition("Prediabetes", "metabolic", "714628002", "Prediabetes (finding)", "R73.03", "Prediabetes");
    public static readonly ConditionDefinition Hyperlipidemia = Condition("Hyperlipidemia", "metabolic", "55822004", "Hyperlipidemia (disorder)", "E78.5", "Hyperlipidemia, unspecified");
    public static readonly ConditionDefinition Obesity = Condition("Obesity", "metabolic", "414916001", "Obesity (disorder)", "E66.9", "Obesity, unspecified");
    public static readonly ConditionDefinition Asthma = Condition("Asthma", "respiratory", "195967001", "Asthma (disorder)", "J45.909", "Unspecified asthma, uncomplicated");
    public static readonly ConditionDefinition Copd = Condition("Chronic obstructive pulmonary disease", "respiratory", "13645005", "Chronic obstructive lung disease (disorder)", "J44.9", "Chronic obstructive pulmonary disease, unspecified");
    public static readonly ConditionDefinition ChronicKidneyDisease = Condition("Chronic kidney disease", "renal", "709044004", "Chronic kidney disease (disorder)", "N18.9", "Chronic kidney disease, unspecified");
    public static readonly ConditionDefinition Depression = Condition("Major depressive disorder", "mental", "370143000", "Major depressive disorder (disorder)", "F32.9", "Major depressive disorder, single episode, unspecified");
    public static readonly ConditionDefinition Anxiety = Condition("Anxiety disorder", "mental", "197480006", "Anxiety disorder (disorder)", "F41.9", "Anxiety disorder, unspecified");
    public static readonly ConditionDefinition Osteoarthritis = Condition("Osteoarthritis", "musculoskeletal", "396275006", "Osteoarthritis (disorder)", "M19.90", "Unspecified osteoarthritis, unspecified site");
    public static readonly ConditionDefinition Gerd = Condition("Gastroesophageal reflux disease", "digestive", "235595009", "Gastroesophageal reflux disease (disorder)", "K21.9", "Gastro-esophageal reflux disease without esophagitis");
    public static readonly ConditionDefinition Hypothyroidism = Condition("Hypothyroidism", "endocrine", "40930008", "Hypothyroidism (disorder)", "E03.9", "Hypothyroidism, unspecified");
    public static readonly ConditionDefinition AtrialFibrillation = Condition("Atrial fibrillation", "cardiovascular", "49436004", "Atrial fibrillation (disorder)", "I48.91", "Unspecified atrial fibrillation");
    public static readonly ConditionDefinition HeartFailure = Condition("Heart failure", "cardiovascular", "84114007", "Heart failure (disorder)", "I50.9", "Heart failure, unspecified");
    public static readonly ConditionDefinition CoronaryArteryDisease = Condition("Coronary artery disease", "cardiovascular", "53741008", "Coronary arteriosclerosis (disorder)", "I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris");
    public static readonly ConditionDefinition Migraine = Condition("Migraine", "neurological", "37796009", "Migraine (disorder)", "G43.909", "Migraine, unspecified, not intractable, without status migrainosus");
    public static readonly ConditionDefinition Osteoporosis = Condition("Osteoporosis", "musculoskeletal", "64859006", "Osteoporosis (disorder)", "M81.0", "Age-related osteoporosis without current pathological fracture");
    public static readonly ConditionDefinition AllergicRhinitis = Condition("Allergic rhinitis", "respiratory", "61582004", "Allergic rhinitis (disorder)", "J30.9", "Allergic rhinitis, unspecified");
    public static readonly ConditionDefinition Gout = Condition("Gout", "musculoskeletal", "90560007", "Gout (disorder)", "M10.9", "Gout, unspecified");
    public static readonly ConditionDefinition RheumatoidArthritis = Condition("Rheumatoid arthritis", "musculoskeletal", "69896004", "Rheumatoid arthritis (disorder)", "M06.9", "Rheumatoid arthritis, unspecified");
    public static readonly ConditionDefinition SleepApnea = Condition("Obstructive sleep apnea", "respiratory", "78275009", "Obstructive sleep apnea syndrome (disorder)", "G47.33", "Obstructive sleep apnea (adult) (pediatric)");
    public static readonly ConditionDefinition Adhd = Condition("Attention deficit hyperactivity disorder", "mental", "406506008", "Attention deficit hyperactivity disorder (disorder)", "F90.9", "Attention-deficit hyperactivity disorder, unspecified type");
    public static readonly ConditionDefinition Anemia = Condition("Anemia", "hematologic", "271737000", "Anemia (disorder)", "D64.9", "Anemia, unspecified");
    public static readonly ConditionDefinition AtopicDermatitis = Condition("Atopic dermatitis", "dermatologic", "24079001", "Atopic dermatitis (disorder)", "L20.9", "Atopic dermatitis, unspecified");
    public static readonly ConditionDefinition ChronicLowBackPain = Condition("Chronic low back pain", "musculoskeletal", "278860009", "Chronic low back pain (finding)", "M54.50", "Low back pain, unspecified");
    public static readonly ConditionDefinition Alzheimers = Condition("Alzheimer's disease", "neurological", "26929004", "Alzheimer's disease (disorder)", "G30.9", "Alzheimer's disease, unspecified");
    public static readonly ConditionDefinition Epilepsy = Condition("Epilepsy", "neurological", "84757009", "Epilepsy (disorder)", "G40.909", "Epilepsy, unspecified, not intractable, without status epilepticus");
    public static readonly ConditionDefinition ProstaticHyperplasia = Condition("Benign prostatic hyperplasia", "genitourinary", "266569009", "Benign prostatic hyperplasia (disorder)", "N40.0", "Benign prostatic hyperplasia without lower urinary tract symptoms");
    public static readonly ConditionDefinition Cataract = Condition("Cataract", "ophthalmologic", "193570009", "Cataract (disorder)", "H26.9", "Unspecified cataract");
    public static readonly ConditionDefinition AlcoholUseDisorder = Condition("Alcohol use disorder", "mental", "7200002", "Alcoholism (disorder)", "F10.20", "Alcohol dependence, uncomplicated");
    public static readonly ConditionDefinition Psoriasis = Condition("Psoriasis", "dermatologic", "9014002", "Psoriasis (disorder)", "L40.9", "Psoriasis, unspecified");
    public static readonly ConditionDefinition Stroke = Condition("Stroke", "cardiovascular", "230690007", "Cerebrovascular accident (disorder)", "I63.9", "Cerebral infarction, unspecified");

    // Acute, self-limited conditions.
    public static readonly ConditionDefinition OtitisMedia = Condition("Otitis media", "infectious", "65363002", "Otitis media (disorder)", "H66.90", "Otitis media, unspecified, unspecified ear");
    public static readonly ConditionDefinition StrepThroat = Condition("Streptococcal pharyngitis", "infectious", "43878008", "Streptococcal sore throat (disorder)", "J02.0", "Streptococcal pharyngitis");
    public static readonly ConditionDefinition ViralPharyngitis = Condition("Acute viral pharyngitis", "infectious", "195662009", "Acute viral pharyngitis (disorder)", "J02.9", "Acute pharyngitis, unspecified");
    public static readonly ConditionDefinition ViralSinusitis = Condition("Viral sinusitis", "infectious", "444814009", "Viral sinusitis (disorder)", "J01.90", "Acute sinusitis, unspecified");
    public static readonly ConditionDefinition AcuteBronchitis = Condition("Acute bronchitis", "infectious", "10509002", "Acute bronchitis (disorder)", "J20.9", "Acute bronchitis, unspecified");
    public static readonly ConditionDefinition UrinaryTractInfection = Condition("Urinary tract infection", "infectious", "68566005", "Urinary tract infectious disease (disorder)", "N39.0", "Urinary tract infection, site not specified");
    public static readonly ConditionDefinition AnkleSprain = Condition("Sprain of ankle", "injury", "44465007", "Sprain of ankle (disorder)", "S93.409A", "Sprain of unspecified ligament of unspecified ankle, initial encounter");
    public static readonly ConditionDefinition Pneumonia = Condition("Pneumonia", "infectious", "233604007", "Pneumonia (disorder)", "J18.9", "Pneumonia, unspecified organism");
    public static readonly ConditionDefinition Covid19 = Condition("COVID-19", "infectious", "840539006", "Disease caused by severe acute respiratory syndrome coronavirus 2 (disorder)", "U07.1", "COVID-19");
}
