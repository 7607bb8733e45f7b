//! Writes the sample subscription's ARM template and az script to the given directory, to
//! read them or run the script through the Azure CLI's parser.

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let sample = vnet_lab::model::Subscription::sample();
    let template = vnet_lab::exchange::arm::template_text(&sample);
    let script = vnet_lab::exchange::az_cli::script(&sample);
    std::fs::write(format!("{dir}/sample-template.json"), template).expect("written");
    std::fs::write(format!("{dir}/sample.sh"), script).expect("written");
}
