namespace SyntheticPatients.Runtime.Tests.Lockstep;

/// <summary>Small modules that only behave right when modules advance together on one clock.</summary>
internal static class LockstepModules
{
    /// <summary>Sets <c>on_treatment</c> at 40 and clears it at 50.</summary>
    public const string Setter = """
        name: lockstep_setter
        states:
          start:
            type: start
            transitions: [{to: wait_40}]
          wait_40:
            type: guard
            condition: {type: age, operator: ">=", quantity: 40, unit: years}
            transitions: [{to: set}]
          set:
            type: set_attribute
            attribute: on_treatment
            value: true
            transitions: [{to: wait_50}]
          wait_50:
            type: guard
            condition: {type: age, operator: ">=", quantity: 50, unit: years}
            transitions: [{to: clear}]
          clear:
            type: set_attribute
            attribute: on_treatment
            value: ~
            transitions: [{to: done}]
          done:
            type: terminal
        """;

    /// <summary>Records a condition (any code will do) while <c>on_treatment</c> is set, and ends it when it is cleared.</summary>
    public const string Reader = """
        name: lockstep_reader
        states:
          start:
            type: start
            transitions: [{to: wait_for_treatment}]
          wait_for_treatment:
            type: guard
            condition: {type: attribute, attribute: on_treatment, operator: exists}
            transitions: [{to: onset}]
          onset:
            type: condition_onset
            conditions:
              - {name: "Hypertensive disorder, systemic arterial", snomed: "38341003", icd10: I10}
            transitions: [{to: wait_for_stop}]
          wait_for_stop:
            type: guard
            condition: {type: attribute, attribute: on_treatment, operator: is nil}
            transitions: [{to: resolve}]
          resolve:
            type: condition_end
            conditions:
              - {name: "Hypertensive disorder, systemic arterial", snomed: "38341003"}
            transitions: [{to: done}]
          done:
            type: terminal
        """;

    /// <summary>Dies at 30.</summary>
    public const string Fatal = """
        name: lockstep_fatal
        states:
          start:
            type: start
            transitions: [{to: wait_30}]
          wait_30:
            type: delay
            exact: {quantity: 30, unit: years}
            transitions: [{to: die}]
          die:
            type: death
            transitions: []
        """;

    /// <summary>Records a yearly observation for ever.</summary>
    public const string Yearly = """
        name: lockstep_yearly
        states:
          start:
            type: start
            transitions: [{to: measure}]
          measure:
            type: observation
            observations:
              - {name: Body weight, loinc: 29463-7, units: kg, value: 70}
            transitions: [{to: wait}]
          wait:
            type: delay
            exact: {quantity: 1, unit: years}
            transitions: [{to: measure}]
        """;
}
