"""Physical constants and unit conversions (not assumptions: these never change)."""

#: Seconds in one hour. [s/h]
SECONDS_PER_HOUR = 3600.0
#: Hours in one day. [h/d]
HOURS_PER_DAY = 24.0
#: Days in a (non-leap) year, for annual averages. [d/yr]
DAYS_PER_YEAR = 365.0
#: Hours in a (non-leap) year. [h/yr]
HOURS_PER_YEAR = HOURS_PER_DAY * DAYS_PER_YEAR
#: Seconds in one day. [s/d]
SECONDS_PER_DAY = SECONDS_PER_HOUR * HOURS_PER_DAY
#: Watt-hours in one joule's worth: 1 Wh = 3600 J. [J/Wh]
JOULES_PER_WH = 3600.0
#: Joules in one megawatt-hour. [J/MWh]
JOULES_PER_MWH = 3.6e9
#: Watts in one megawatt. [W/MW]
W_PER_MW = 1e6
#: Watts in one gigawatt. [W/GW]
W_PER_GW = 1e9
#: Megawatt-hours in one terawatt-hour. [MWh/TWh]
MWH_PER_TWH = 1e6
#: Wh in one MWh. [Wh/MWh]
WH_PER_MWH = 1e6
#: MW in one GW. [MW/GW]
MW_PER_GW = 1e3
#: Units in one billion (data/ gives parameters and tokens in billions). [-]
BILLION = 1e9
#: FLOP/s in one TFLOP/s. [FLOP/s per TFLOP/s]
FLOP_PER_TFLOP = 1e12

# Conventions from the literature, each with its source.

#: Training FLOP per parameter per token for a dense transformer (forward + backward);
#: Kaplan et al. 2020, "Scaling Laws for Neural Language Models", section 2.1.
TRAINING_FLOP_PER_PARAM_TOKEN = 6.0
#: Inference FLOP per active parameter per token (forward pass only); Kaplan et al. 2020.
INFERENCE_FLOP_PER_PARAM_TOKEN = 2.0
#: Compute-optimal training tokens per parameter; Hoffmann et al. 2022 ("Chinchilla"),
#: arXiv:2203.15556.
CHINCHILLA_TOKENS_PER_PARAM = 20.0
