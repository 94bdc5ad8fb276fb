module Study
using Random
Random.seed!(1234)
end
