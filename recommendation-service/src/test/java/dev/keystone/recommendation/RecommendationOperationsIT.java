package dev.keystone.recommendation;

import dev.keystone.testkit.ServiceOperationsTest;

class RecommendationOperationsIT extends ServiceOperationsTest {

}
