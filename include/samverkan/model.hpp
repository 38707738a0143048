// Every model type in one include.
#pragma once

#include <samverkan/model/agreement.hpp>
#include <samverkan/model/funding.hpp>
#include <samverkan/model/indicator.hpp>
#include <samverkan/model/meeting.hpp>
#include <samverkan/model/organisation.hpp>
#include <samverkan/model/person.hpp>
#include <samverkan/model/plan.hpp>
