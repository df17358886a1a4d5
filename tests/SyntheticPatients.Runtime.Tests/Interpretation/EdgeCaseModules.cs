namespace SyntheticPatients.Runtime.Tests.Interpretation;

/// <summary>
/// Two modules written to reach what the library's modules do not (or rarely) reach: every delay and value form and
/// clamp, weights that do not sum to exactly 1, zero and remainder weights, eligibility conditions that draw, every
/// condition kind and operator, every record kind, ends by code and by reference, death with a referenced cause, a
/// submodule call. Terminology is lenient: the codes matter here only as values.
/// </summary>
internal static class EdgeCaseModules
{
    public const string Main = """
        name: edge_main
        terminology: lenient
        categories: {conditions: replace, medications: augment}
        states:
          start:
            type: start
            transitions:
              - to: wait_for_three
          wait_for_three:
            type: guard
            condition: {type: age, operator: ">=", quantity: 3, unit: years}
            transitions:
              - to: profile
          profile:
            type: decision
            transitions:
              - to: set_text
                probability: 0.1
              - to: set_number
                probability: 0.2
              - to: set_flag
                probability: 0.7
          set_text:
            type: set_attribute
            attribute: edge_label
            value: alpha
            transitions: [{to: gaussian_both}]
          set_number:
            type: set_attribute
            attribute: edge_score
            value: 2.5
            transitions: [{to: gaussian_min}]
          set_flag:
            type: set_attribute
            attribute: edge_flag
            value: true
            transitions: [{to: gaussian_max}]
          gaussian_both:
            type: delay
            gaussian: {mean: 400, standard_deviation: 300, min: 10, max: 700, unit: days}
            transitions: [{to: visit}]
          gaussian_min:
            type: delay
            gaussian: {mean: 2, standard_deviation: 3, min: 0.5, unit: years}
            transitions: [{to: visit}]
          gaussian_max:
            type: delay
            gaussian: {mean: 30, standard_deviation: 40, max: 45, unit: weeks}
            transitions: [{to: range_wait}]
          range_wait:
            type: delay
            range: {low: 1.5, high: 90.25, unit: hours}
            transitions: [{to: exponential_wait}]
          exponential_wait:
            type: delay
            exponential: {mean: 3, max: 10, unit: weeks}
            transitions: [{to: visit}]
          visit:
            type: encounter
            encounter_type: Hypertension follow-up
            encounter_class: ambulatory
            reason: Edge review
            provider_role: Physician
            location: Clinic
            codes:
              - {system: SNOMED-CT, code: "390906007", display: "Follow-up encounter"}
            advance_days: 0
            transitions: [{to: diagnose}]
          diagnose:
            type: condition_onset
            attach_to_last_encounter: true
            assign_to_attribute: edge_condition
            conditions:
              - {name: Essential hypertension, icd10: I10, snomed: "59621000", category: cardiovascular}
              - {name: Asthma, icd10: J45.909, snomed: "195967001", status: confirmed}
            transitions: [{to: vitals}]
          vitals:
            type: observation
            attach_to_last_encounter: true
            observations:
              - {name: Systolic blood pressure, loinc: 8480-6, units: "mm[Hg]", gaussian: {mean: 135, standard_deviation: 18, min: 90, max: 200, decimals: 0}}
              - {name: Diastolic blood pressure, loinc: 8462-4, units: "mm[Hg]", value_range: {min: 60, max: 100}}
              - {name: Systolic blood pressure, loinc: 8480-6, units: "mm[Hg]", gaussian: {mean: 130, standard_deviation: 10}}
              - {name: Diastolic blood pressure, loinc: 8462-4, value: 80}
              - {name: Diastolic blood pressure, loinc: 8462-4, value: "Negative"}
              - {name: Systolic blood pressure, loinc: 8480-6, value_range: {min: 100, max: 160, decimals: 20}}
              - {name: Systolic blood pressure, loinc: 8480-6, units: "mm[Hg]", exponential: {mean: 12, min: 1, decimals: 1}}
            transitions: [{to: body_change}]
          body_change:
            type: vital_sign
            vital_sign: bmi
            mode: add
            gaussian: {mean: -1, standard_deviation: 0.5, decimals: 1}
            transitions: [{to: body_set}]
          body_set:
            type: vital_sign
            vital_sign: hba1c
            value_range: {low: 6.5, high: 9}
            transitions: [{to: body_read}]
          body_read:
            type: observation
            attach_to_last_encounter: true
            observations:
              - {name: Body mass index, loinc: 39156-5, vital_sign: bmi}
              - {name: Hemoglobin A1c, loinc: 4548-4}
              - {name: BMI percentile, loinc: 59576-9, vital_sign: bmi_percentile}
              - {name: Body weight, loinc: 29463-7}
            transitions: [{to: feeling}]
          feeling:
            type: symptom
            symptom: Wheezing
            range: {low: 1, high: 10}
            units: score
            transitions: [{to: treat}]
          treat:
            type: decision
            transitions:
              - to: start_drug
                condition:
                  type: and
                  conditions:
                    - {type: observation, code: 8480-6, operator: ">=", value: 140}
                    - {type: active_condition, icd10: I10}
                    - type: not
                      condition: {type: active_condition, referenced_by_attribute: edge_condition}
              - to: start_drug
                condition: {type: vital_sign, vital_sign: hba1c, operator: ">", value: 8.5}
              - to: start_drug
                probability: 0.6
                condition: {type: random, probability: 0.5}
              - to: plan
                probability: 0
              - to: plan
                probability: remainder
              - to: immunize
                probability: 0.4
                condition:
                  type: or
                  conditions:
                    - {type: demographic, field: smoking, value: current}
                    - {type: demographic, field: income, operator: ">", value: 60000}
                    - {type: demographic, field: race, operator: "!=", value: WHITE}
                    - {type: demographic, field: housing, operator: exists}
          start_drug:
            type: medication_start
            assign_to_attribute: edge_drug
            medications:
              - {name: lisinopril 10 MG Oral Tablet, rxnorm: "314076", dose: 10 mg daily, class: ACE inhibitor, therapy_category: controller, condition: Essential hypertension}
            transitions: [{to: plan}]
          plan:
            type: care_plan
            attach_to_last_encounter: true
            assign_to_attribute: edge_plan
            care_plans:
              - name: Asthma action plan
                snomed: "699728000"
                category: respiratory
                goal: Fewer attacks
                activities:
                  - Inhaler technique review
                  - {name: Trigger avoidance education, status: in-progress}
            transitions: [{to: immunize}]
          immunize:
            type: immunization
            attach_to_last_encounter: true
            immunizations:
              - {name: Tdap, cvx: "115", dose_number: 2, status: completed}
            transitions: [{to: allergy}]
          allergy:
            type: allergy_onset
            allergies:
              - {name: Allergy to penicillin, snomed: "91936005", category: medication, reaction: Hives, severity: moderate}
            transitions: [{to: procedure}]
          procedure:
            type: procedure
            attach_to_last_encounter: true
            procedures:
              - {name: Nebulizer therapy, code: "94640", system: CPT, reason: Wheeze, status: completed}
            advance_days: 2.5
            transitions: [{to: close_visit}]
          close_visit:
            type: encounter_end
            transitions: [{to: count_up}]
          count_up:
            type: counter
            attribute: edge_count
            amount: 3
            transitions: [{to: count_down}]
          count_down:
            type: counter
            attribute: edge_count
            action: decrement
            amount: 0.5
            transitions: [{to: sub}]
          sub:
            type: call_submodule
            module: edge_sub
            transitions: [{to: branch}]
          branch:
            type: decision
            transitions:
              - to: end_allergy
                condition: {type: attribute, attribute: edge_label, value: alpha}
              - to: end_allergy
                condition: {type: attribute, attribute: edge_score, operator: "<", value: 3}
              - to: end_plan
                condition: {type: attribute, attribute: edge_flag, value: true}
              - to: end_plan
                condition: {type: attribute, attribute: edge_count, operator: "!=", value: 2.5}
              - to: unset_label
          end_allergy:
            type: allergy_end
            allergies:
              - {name: Allergy to penicillin, snomed: "91936005"}
            transitions: [{to: end_plan}]
          end_plan:
            type: care_plan_end
            referenced_by_attribute: edge_plan
            transitions: [{to: end_drug}]
          end_drug:
            type: medication_end
            medications:
              - {name: lisinopril 10 MG Oral Tablet, rxnorm: "314076"}
            status: discontinued
            transitions: [{to: unset_label}]
          unset_label:
            type: set_attribute
            attribute: edge_label
            value: ~
            transitions: [{to: later}]
          later:
            type: delay
            exact: {quantity: 7, unit: years}
            transitions:
              - to: fatal
                condition:
                  type: and
                  conditions:
                    - {type: prior_state, name: start_drug}
                    - {type: date, operator: ">=", year: 1990}
                    - {type: gender, gender: M}
                    - {type: attribute, attribute: edge_label, operator: is nil}
                    - {type: demographic, field: age, operator: ">", value: 50}
              - to: resolve
                probability: 0.5
              - to: visit_again
                probability: 0.5
          visit_again:
            type: guard
            condition: {type: attribute, attribute: edge_count, operator: ">=", value: 2}
            transitions: [{to: gaussian_both}]
          resolve:
            type: condition_end
            referenced_by_attribute: edge_condition
            transitions: [{to: end}]
          fatal:
            type: death
            referenced_by_attribute: edge_condition
        """;

    public const string Sub = """
        name: edge_sub
        states:
          start:
            type: start
            transitions:
              - to: check
          check:
            type: decision
            transitions:
              - to: reading
                probability: 0.15
                condition: {type: observation, code: 8462-4, operator: ">", value: 85}
              - to: reading
                probability: 0.25
              - to: done
                probability: 0.35
                condition: {type: active_medication, rxnorm: "314076"}
              - to: done
          reading:
            type: observation
            observations:
              - {name: Diastolic blood pressure, loinc: 8462-4, gaussian: {mean: 85, standard_deviation: 9, decimals: 1}}
            advance_days: 1
            transitions: [{to: done}]
          done:
            type: terminal
        """;
}
