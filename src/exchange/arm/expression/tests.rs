use std::cell::RefCell;
use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::*;

#[derive(Default)]
struct Fixture {
    deployment: Deployment,
    parameters: BTreeMap<String, Value>,
    variables: BTreeMap<String, Value>,
    resources: BTreeMap<String, Value>,
    placeholders: RefCell<Vec<(String, String)>>,
}

impl Scope for Fixture {
    fn deployment(&self) -> &Deployment {
        &self.deployment
    }
    fn parameter(&self, name: &str) -> Result<Val, String> {
        self.parameters
            .get(name)
            .cloned()
            .map(Val::Known)
            .ok_or_else(|| format!("the parameter {name} is not declared"))
    }
    fn variable(&self, name: &str) -> Result<Val, String> {
        self.variables
            .get(name)
            .cloned()
            .map(Val::Known)
            .ok_or_else(|| format!("the variable {name} is not declared"))
    }
    fn reference(&self, target: &str) -> Option<Result<Value, String>> {
        self.resources.get(target).cloned().map(Ok)
    }
    fn copy_index(&self, _: Option<&str>) -> Result<i64, String> {
        Ok(2)
    }
    fn placeholder(&self, function: &str, value: &str) {
        self.placeholders
            .borrow_mut()
            .push((function.into(), value.into()));
    }
}

fn fixture() -> Fixture {
    let mut f = Fixture::default();
    f.parameters.insert("appName".into(), json!("contoso"));
    f.parameters.insert("count".into(), json!(3));
    f.variables.insert(
        "config".into(),
        json!({"subnetName": "apps", "prefixes": ["10.0.0.0/24", "10.0.1.0/24"]}),
    );
    f.resources.insert(
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lab-rg/providers/Microsoft.Network/virtualNetworks/vnet1"
            .into(),
        json!({"subnets": [{"name": "apps", "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lab-rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/apps"}], value::RUNTIME: true}),
    );
    f
}

fn eval(text: &str) -> Result<Val, String> {
    evaluate_string(text, &fixture())
}

fn known(text: &str) -> Value {
    match eval(text) {
        Ok(Val::Known(value)) => value,
        other => panic!("{text} gave {other:?}"),
    }
}

fn error(text: &str) -> String {
    match eval(text) {
        Err(message) => message,
        other => panic!("{text} gave {other:?}, not an error"),
    }
}

#[test]
fn r39_a_plain_string_and_an_escaped_bracket_are_literals() {
    assert_eq!(known("West Europe"), json!("West Europe"));
    assert_eq!(known("[[parameters('x')]"), json!("[parameters('x')]"));
    assert_eq!(known("[not closed"), json!("[not closed"));
}

#[test]
fn r39_quotes_are_doubled_inside_strings() {
    assert_eq!(known("[concat('it''s', ' ', 'fine')]"), json!("it's fine"));
    assert!(error("[concat('open)]").contains("not closed"));
}

#[test]
fn r39_function_names_ignore_case_and_calls_nest() {
    assert_eq!(
        known("[TOLOWER(Concat(parameters('appName'), '-APP'))]"),
        json!("contoso-app")
    );
    assert_eq!(known("[toUpper('a')]"), json!("A"));
}

#[test]
fn r39_wrong_arity_names_the_function_and_what_it_takes() {
    assert_eq!(
        error("[toLower('a', 'b')]"),
        "toLower takes 1 argument, not 2"
    );
    assert_eq!(error("[if(true(), 1)]"), "if takes 3 arguments, not 2");
    assert_eq!(
        error("[and(true())]"),
        "and takes at least 2 arguments, not 1"
    );
    assert_eq!(
        error("[substring('a')]"),
        "substring takes 2 to 3 arguments, not 1"
    );
}

#[test]
fn r39_a_function_outside_the_subset_is_unsupported_and_named() {
    assert_eq!(
        eval("[dateTimeAdd(utcNow(), 'P1D')]"),
        Ok(Val::Unknown(Unknown::Unsupported("dateTimeAdd".into())))
    );
    assert_eq!(
        eval("[concat('a', dataUri('x'))]"),
        Ok(Val::Unknown(Unknown::Unsupported("dataUri".into())))
    );
    assert_eq!(
        eval("[pickZones('a')]"),
        Ok(Val::Unknown(Unknown::Unsupported("pickZones".into())))
    );
}

#[test]
fn r39_property_access_and_indexing() {
    assert_eq!(known("[variables('config').subnetName]"), json!("apps"));
    assert_eq!(known("[variables('config').SUBNETNAME]"), json!("apps"));
    assert_eq!(
        known("[variables('config')['prefixes'][1]]"),
        json!("10.0.1.0/24")
    );
    assert!(error("[variables('config').prefixes[5]]")
        .contains("index 5 is outside the array of 2 items"));
    assert!(error("[variables('config').missing]").contains("no property “missing”"));
    assert!(error("[parameters('appName').x]").contains("the value is a string"));
}

#[test]
fn r39_parameters_and_variables_undeclared_are_errors() {
    assert_eq!(known("[parameters('count')]"), json!(3));
    assert_eq!(
        error("[parameters('nope')]"),
        "the parameter nope is not declared"
    );
    assert_eq!(
        error("[variables('nope')]"),
        "the variable nope is not declared"
    );
}

#[test]
fn r39_concat_format_and_string_functions() {
    assert_eq!(known("[concat('a', 1, true())]"), json!("a1True"));
    assert_eq!(
        known("[concat(createArray(1), createArray(2, 3))]"),
        json!([1, 2, 3])
    );
    assert_eq!(known("[format('{0}-{1}{{x}}', 'a', 2)]"), json!("a-2{x}"));
    assert!(error("[format('{1}', 'a')]").contains("uses {1}, but 1 values follow it"));
    assert_eq!(known("[string(3)]"), json!("3"));
    assert_eq!(known("[string(createObject('a', 1))]"), json!("{\"a\":1}"));
    assert_eq!(known("[int('42')]"), json!(42));
    assert!(error("[int('x')]").contains("'x' is not a whole number"));
    assert_eq!(known("[bool('false')]"), json!(false));
    assert_eq!(known("[bool(1)]"), json!(true));
    assert_eq!(known("[split('a/b/c', '/')[2]]"), json!("c"));
    assert_eq!(
        known("[split('a:b;c', createArray(':', ';'))]"),
        json!(["a", "b", "c"])
    );
    assert_eq!(known("[first('abc')]"), json!("a"));
    assert_eq!(known("[last(createArray(1, 2))]"), json!(2));
    assert_eq!(known("[first(createArray())]"), Value::Null);
    assert_eq!(
        known("[indexOf('Contoso.servicebus', '.SERVICEBUS')]"),
        json!(7)
    );
    assert_eq!(known("[indexOf('abc', 'z')]"), json!(-1));
    assert_eq!(known("[replace('-..--..-', '.', '-')]"), json!("--------"));
    assert_eq!(known("[substring('contoso', 0, 4)]"), json!("cont"));
    assert_eq!(known("[substring('contoso', 3)]"), json!("toso"));
    assert!(error("[substring('abc', 2, 5)]").contains("outside the string of 3 characters"));
    assert_eq!(known("[length('abc')]"), json!(3));
    assert_eq!(known("[length(variables('config'))]"), json!(2));
}

#[test]
fn r39_logic_and_comparison() {
    assert_eq!(
        known("[if(equals(parameters('appName'), 'contoso'), 'yes', 'no')]"),
        json!("yes")
    );
    // The branch not taken is not evaluated.
    assert_eq!(
        known("[if(false(), parameters('nope'), 'no')]"),
        json!("no")
    );
    assert_eq!(known("[not(empty(''))]"), json!(false));
    assert_eq!(known("[and(true(), 'true', not(false()))]"), json!(true));
    assert_eq!(known("[or(false(), false())]"), json!(false));
    assert!(error("[not('maybe')]").contains("expected a boolean, got the string 'maybe'"));
    assert_eq!(known("[empty(null())]"), json!(true));
    assert_eq!(known("[empty(createObject())]"), json!(true));
    assert_eq!(known("[contains('contoso', 'tos')]"), json!(true));
    assert_eq!(
        known("[contains(variables('config'), 'SUBNETNAME')]"),
        json!(true)
    );
    assert_eq!(known("[contains(createArray(1, 2), 3)]"), json!(false));
    assert_eq!(known("[coalesce(null(), null(), 'x')]"), json!("x"));
}

#[test]
fn r39_json_union_create_and_try_get() {
    assert_eq!(known("[json('null')]"), Value::Null);
    assert_eq!(
        known("[json('[{\"key\":\"endpoint\",\"value\":\"db:1433\"}]')[0].value]"),
        json!("db:1433")
    );
    assert!(error("[json('{')]").contains("is not JSON"));
    assert_eq!(
        known("[union(createObject('a', 1, 'n', createObject('x', 1)), createObject('b', 2, 'n', createObject('y', 2)))]"),
        json!({"a": 1, "b": 2, "n": {"x": 1, "y": 2}})
    );
    assert_eq!(
        known("[union(createArray(1, 2), createArray(2, 3))]"),
        json!([1, 2, 3])
    );
    assert!(error("[createObject('a')]").contains("in pairs"));
    assert_eq!(known("[tryGet(variables('config'), 'nope')]"), Value::Null);
    assert_eq!(
        known("[tryGet(variables('config'), 'prefixes', 0)]"),
        json!("10.0.0.0/24")
    );
    assert_eq!(known("[null()]"), Value::Null);
    assert_eq!(known("[true()]"), json!(true));
    assert_eq!(known("[copyIndex()]"), json!(2));
    assert_eq!(known("[copyIndex(1)]"), json!(3));
    assert_eq!(known("[copyIndex('loop', 10)]"), json!(12));
}

#[test]
fn r39_ids_and_the_deployment_context() {
    let group = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lab-rg";
    assert_eq!(
        known("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1', 'apps')]"),
        json!(format!(
            "{group}/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/apps"
        ))
    );
    assert_eq!(
        known("[resourceId('other-rg', 'Microsoft.Web/sites', 'app')]"),
        json!("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/other-rg/providers/Microsoft.Web/sites/app")
    );
    assert_eq!(
        known("[resourceId('1111', 'rg2', 'Microsoft.Web/sites', 'app')]"),
        json!("/subscriptions/1111/resourceGroups/rg2/providers/Microsoft.Web/sites/app")
    );
    assert!(
        error("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet1')]")
            .contains("needs 2 names, but 1 is given")
    );
    assert_eq!(
        known("[extensionResourceId(resourceGroup().id, 'Microsoft.Relay/namespaces', 'ns')]"),
        json!(format!("{group}/providers/Microsoft.Relay/namespaces/ns"))
    );
    assert_eq!(known("[resourceGroup().location]"), json!("westeurope"));
    assert_eq!(known("[resourceGroup().name]"), json!("lab-rg"));
    assert_eq!(
        known("[subscription().subscriptionId]"),
        json!("00000000-0000-0000-0000-000000000000")
    );
    assert_eq!(known("[deployment().name]"), json!("lab-import"));
}

#[test]
fn r39_reference_of_a_declared_resource_resolves_its_properties() {
    assert_eq!(
        known("[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet1'), '2020-06-01').subnets[0].id]"),
        json!("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lab-rg/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/apps")
    );
    // A property Azure fills in at deployment is a placeholder, not an error.
    assert_eq!(
        eval("[reference(resourceId('Microsoft.Network/virtualNetworks', 'vnet1')).resourceGuid]"),
        Ok(Val::Unknown(Unknown::Deployment(
            "the runtime property resourceGuid".into()
        )))
    );
    assert!(matches!(
        eval("[reference('/elsewhere').userMetadata]"),
        Ok(Val::Unknown(Unknown::Deployment(_)))
    ));
}

#[test]
fn r39_deployment_time_values_are_stable_listed_placeholders() {
    let f = fixture();
    let first = evaluate_string("[uniqueString(resourceGroup().id)]", &f);
    let again = evaluate_string("[uniqueString(resourceGroup().id)]", &f);
    assert_eq!(first, again);
    let Ok(Val::Known(Value::String(made))) = first else {
        panic!()
    };
    assert_eq!(made.len(), 13);
    assert!(made
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    assert_eq!(
        f.placeholders.borrow()[0],
        ("uniqueString".to_string(), made)
    );
    let Ok(Val::Known(Value::String(g))) = evaluate_string("[guid('a', 'b')]", &f) else {
        panic!()
    };
    assert_eq!(g.len(), 36);
    assert_eq!(
        eval("[listKeys('x', '2024-01-01').primaryKey]"),
        Ok(Val::Unknown(Unknown::Deployment("listKeys(…)".into())))
    );
}

#[test]
fn r39_syntax_errors_say_where() {
    assert!(error("[concat('a' 'b')]").contains("expected “,” or “)”"));
    assert!(error("[parameters]").contains("“(” after the function name parameters"));
    assert!(error("[concat('a'))]").contains("after the end of the expression"));
    assert!(error("[a.]").contains("“(” after the function name a"));
    let deep = format!("[{}'x'{}]", "concat(".repeat(10_000), ")".repeat(10_000));
    assert!(error(&deep).contains("nested more than 64 deep"));
}

#[test]
fn r39_comparisons_take_two_numbers_or_two_strings() {
    assert_eq!(known("[greater(2, 1)]"), json!(true));
    assert_eq!(known("[greater(1, 2)]"), json!(false));
    assert_eq!(known("[greaterOrEquals(2, 2)]"), json!(true));
    assert_eq!(known("[less(1, 2)]"), json!(true));
    assert_eq!(known("[lessOrEquals(3, 2)]"), json!(false));
    // ARM's reference: greater('A', 'a') is true; letters compare before case.
    assert_eq!(known("[greater('A', 'a')]"), json!(true));
    assert_eq!(known("[less('A', 'a')]"), json!(false));
    assert_eq!(known("[greaterOrEquals('a', 'a')]"), json!(true));
    assert_eq!(known("[less('apple', 'Banana')]"), json!(true));
    assert_eq!(
        error("[greater(1, 'a')]"),
        "greater: compares two whole numbers or two strings, not a number (1) and the string 'a'"
    );
    assert_eq!(
        error("[lessOrEquals(1)]"),
        "lessOrEquals takes 2 arguments, not 1"
    );
}

#[test]
fn r39_arithmetic_is_on_whole_numbers_and_div_by_zero_says_so() {
    assert_eq!(known("[add(parameters('count'), 2)]"), json!(5));
    assert_eq!(known("[sub(2, 5)]"), json!(-3));
    assert_eq!(known("[mul(-4, 3)]"), json!(-12));
    assert_eq!(known("[div(7, 2)]"), json!(3));
    assert_eq!(known("[div(-7, 2)]"), json!(-3));
    assert_eq!(known("[mod(7, 3)]"), json!(1));
    assert_eq!(known("[mod(-7, 3)]"), json!(-1));
    assert_eq!(
        error("[div(7, 0)]"),
        "div: 7 cannot be divided by zero: give a divisor other than 0"
    );
    assert_eq!(
        error("[mod(7, 0)]"),
        "mod: 7 cannot be divided by zero: give a divisor other than 0"
    );
    assert_eq!(
        error("[add('1', 2)]"),
        "add: expected a whole number, got the string '1'"
    );
    assert_eq!(
        error("[mul(9223372036854775807, 2)]"),
        "mul: the result of 9223372036854775807 and 2 is outside the whole numbers ARM holds (64-bit)"
    );
    assert_eq!(error("[add(1)]"), "add takes 2 arguments, not 1");
    assert_eq!(known("[min(3, 1, 2)]"), json!(1));
    assert_eq!(known("[max(createArray(3, 7, 2))]"), json!(7));
    assert_eq!(
        error("[max(createArray())]"),
        "max: the array is empty: give at least one whole number"
    );
    assert_eq!(
        error("[min(1, 'two')]"),
        "min: expected a whole number, got the string 'two'"
    );
    assert_eq!(known("[range(5, 3)]"), json!([5, 6, 7]));
    assert_eq!(known("[range(0, 0)]"), json!([]));
    assert_eq!(
        error("[range(0, 10001)]"),
        "range: the count 10001 is not between 0 and 10000: ARM makes at most 10000 numbers"
    );
    assert_eq!(
        error("[range(2147483647, 2)]"),
        "range: 2147483647 plus the count 2 is above 2147483647, the most ARM allows"
    );
}

#[test]
fn r39_string_functions_ignore_case_where_arm_does() {
    assert_eq!(
        known("[startsWith('Microsoft.Web/sites', 'microsoft.web')]"),
        json!(true)
    );
    assert_eq!(known("[endsWith('contoso-APP', '-app')]"), json!(true));
    assert_eq!(known("[endsWith('a', 'ba')]"), json!(false));
    assert_eq!(known("[lastIndexOf('test', 'T')]"), json!(3));
    assert_eq!(known("[lastIndexOf('abcdef', 'z')]"), json!(-1));
    assert_eq!(known("[trim('  apps \t')]"), json!("apps"));
    assert_eq!(known("[padLeft('7', 3, '0')]"), json!("007"));
    assert_eq!(known("[padLeft(42, 4)]"), json!("  42"));
    assert_eq!(known("[padLeft('long', 2, '0')]"), json!("long"));
    assert_eq!(
        error("[padLeft('7', 3, '00')]"),
        "padLeft: pads with one character, not '00': give a single character such as '0'"
    );
    assert_eq!(
        error("[padLeft(true(), 3)]"),
        "padLeft: pads a string or a whole number, not a boolean (true)"
    );
    assert_eq!(known("[base64('one, two')]"), json!("b25lLCB0d28="));
    assert_eq!(
        error("[startsWith(1, 'a')]"),
        "startsWith: expected a string, got a number (1)"
    );
    assert_eq!(error("[trim()]"), "trim takes 1 argument, not 0");
}

#[test]
fn r39_take_skip_array_and_object_functions() {
    assert_eq!(known("[take(createArray(1, 2, 3), 2)]"), json!([1, 2]));
    assert_eq!(known("[take(createArray(1, 2, 3), 9)]"), json!([1, 2, 3]));
    assert_eq!(known("[take('contoso', -1)]"), json!(""));
    assert_eq!(known("[skip(createArray(1, 2, 3), 2)]"), json!([3]));
    assert_eq!(known("[skip('contoso', 9)]"), json!(""));
    assert_eq!(known("[skip('contoso', -2)]"), json!("contoso"));
    assert_eq!(
        error("[take(createObject('a', 1), 1)]"),
        "take: expected an array or a string, got an object ({\"a\":1})"
    );
    assert_eq!(known("[array('x')]"), json!(["x"]));
    assert_eq!(known("[array(createArray(1))]"), json!([1]));
    assert_eq!(known("[array(createObject('a', 1))]"), json!([{"a": 1}]));
    assert_eq!(
        error("[array(null())]"),
        "array: converts a whole number, string, array or object, not null (null)"
    );
    assert_eq!(
        known("[objectKeys(variables('config'))]"),
        json!(["prefixes", "subnetName"])
    );
    assert_eq!(
        known("[items(createObject('b', 2, 'a', 1))]"),
        json!([{"key": "a", "value": 1}, {"key": "b", "value": 2}])
    );
    assert_eq!(
        error("[items('x')]"),
        "items: expected an object, got the string 'x'"
    );
}

#[test]
fn r39_environment_is_azure_public_cloud() {
    assert_eq!(known("[environment().name]"), json!("AzureCloud"));
    assert_eq!(
        known("[environment().suffixes.storage]"),
        json!("core.windows.net")
    );
    assert_eq!(
        known("[concat('sql1', environment().suffixes.sqlServerHostname)]"),
        json!("sql1.database.windows.net")
    );
    assert_eq!(
        known("[environment().suffixes.keyvaultDns]"),
        json!(".vault.azure.net")
    );
    assert_eq!(
        known("[environment().suffixes.acrLoginServer]"),
        json!(".azurecr.io")
    );
    assert_eq!(
        known("[environment().resourceManager]"),
        json!("https://management.azure.com/")
    );
    assert_eq!(
        known("[environment().authentication.loginEndpoint]"),
        json!("https://login.microsoftonline.com/")
    );
    assert_eq!(
        error("[environment('AzureCloud')]"),
        "environment takes 0 arguments, not 1"
    );
}

#[test]
fn r39_utc_now_and_new_guid_are_listed_placeholders() {
    let f = fixture();
    let now = |text: &str| match evaluate_string(text, &f) {
        Ok(Val::Known(Value::String(made))) => made,
        other => panic!("{text} gave {other:?}"),
    };
    assert_eq!(now("[utcNow()]"), "20000101T000000Z");
    assert_eq!(now("[utcNow('u')]"), "2000-01-01 00:00:00Z");
    assert_eq!(now("[utcNow('yyyy-MM-dd')]"), "2000-01-01");
    assert_eq!(now("[utcNow('yyMMddHHmm')]"), "0001010000");
    let made = now("[newGuid()]");
    assert_eq!(made.len(), 36);
    assert_eq!(now("[newGuid()]"), made, "stable, so an import repeats");
    let listed: Vec<String> = f
        .placeholders
        .borrow()
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    assert_eq!(
        listed,
        ["utcNow", "utcNow", "utcNow", "utcNow", "newGuid", "newGuid"]
    );
    assert_eq!(
        error("[utcNow(1)]"),
        "utcNow: expected a string, got a number (1)"
    );
    assert_eq!(error("[newGuid('a')]"), "newGuid takes 0 arguments, not 1");
}

#[test]
fn r39_a_type_ending_in_a_slash_and_the_deployments_location_read_as_azure_reads_them() {
    assert_eq!(
        known("[resourceId('Microsoft.Storage/storageAccounts/', 'logs')]"),
        json!("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/lab-rg/providers/Microsoft.Storage/storageAccounts/logs")
    );
    assert_eq!(known("[deployment().location]"), json!("westeurope"));
}

#[test]
fn r39_lambda_functions_apply_their_lambda_to_every_item() {
    assert_eq!(
        known("[map(createArray(1, 2, 3), lambda('x', mul(lambdaVariables('x'), 2)))]"),
        json!([2, 4, 6])
    );
    assert_eq!(
        known("[map(createArray('a', 'b'), lambda('x', 'i', format('{0}{1}', lambdaVariables('x'), lambdaVariables('i'))))]"),
        json!(["a0", "b1"])
    );
    assert_eq!(
        known("[filter(createArray(1, 5, 10), lambda('n', greater(lambdaVariables('n'), 3)))]"),
        json!([5, 10])
    );
    assert_eq!(
        known("[reduce(createArray(1, 2, 3), 10, lambda('sum', 'n', add(lambdaVariables('sum'), lambdaVariables('n'))))]"),
        json!(16)
    );
    assert_eq!(
        known("[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]"),
        json!([1, 2, 3])
    );
    assert_eq!(
        known("[toObject(createArray('web', 'db'), lambda('n', lambdaVariables('n')), lambda('n', length(lambdaVariables('n'))))]"),
        json!({"db": 2, "web": 3})
    );
    assert_eq!(
        known("[mapValues(createObject('a', 1), lambda('v', add(lambdaVariables('v'), 1)))]"),
        json!({"a": 2})
    );
    assert_eq!(
        known("[groupBy(createArray('ab', 'ac', 'b'), lambda('s', substring(lambdaVariables('s'), 0, 1)))]"),
        json!({"a": ["ab", "ac"], "b": ["b"]})
    );
    // A lambda inside a lambda sees the outer one's variable.
    assert_eq!(
        known("[map(createArray(1, 2), lambda('x', map(createArray(10), lambda('y', add(lambdaVariables('x'), lambdaVariables('y'))))))]"),
        json!([[11], [12]])
    );
}

#[test]
fn r39_a_lambda_used_wrongly_is_named() {
    assert_eq!(
        error("[lambdaVariables('x')]"),
        "lambdaVariables('x') is used outside a lambda that names x"
    );
    assert_eq!(
        error("[map(createArray(1), 'x')]"),
        "map takes a lambda('item', …) as that argument: write the function to apply as a lambda"
    );
    assert!(error("[lambda('x', 1)]").starts_with("lambda(…) is the function a map"));
    assert_eq!(
        error("[filter(createArray(1), lambda('n', 1))]"),
        "filter: its lambda gives expected a boolean, got a number (1)"
    );
    assert_eq!(
        error("[map(createArray(1))]"),
        "map takes 2 arguments, not 1"
    );
}

#[test]
fn r39_flatten_join_shallow_merge_and_subscription_resource_id() {
    assert_eq!(
        known("[flatten(createArray(createArray(1), createArray(2, 3)))]"),
        json!([1, 2, 3])
    );
    assert_eq!(
        known("[join(createArray('a', 1, true()), '-')]"),
        json!("a-1-true")
    );
    assert_eq!(
        known("[shallowMerge(createArray(createObject('a', 1, 'b', 1), createObject('b', 2)))]"),
        json!({"a": 1, "b": 2})
    );
    assert_eq!(
        known("[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'hub-rg')]"),
        json!("/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Resources/resourceGroups/hub-rg")
    );
    assert!(error("[flatten(createArray(1))]").starts_with("flatten: takes an array"));
}
